using StackExchange.Redis;

namespace WebRtcChat.Presence.Status;

/// <summary>
/// Presence's copy of what Identity knows about who may see whom: contacts (both directions), blocks and profile
/// visibility, in Redis, from Identity's events. It answers who is told of a user's presence and whether a viewer may see it.
/// </summary>
public sealed class SocialGraph(IConnectionMultiplexer redis)
{
    private static readonly RedisKey Visibility = "presence:visibility";
    private static readonly RedisKey CallsRefused = "presence:calls-refused";

    private IDatabase Db => redis.GetDatabase();

    public async Task SetContactAsync(Guid ownerId, Guid contactId, bool added)
    {
        if (added)
        {
            await Db.SetAddAsync(ContactsKey(ownerId), contactId.ToString());
            await Db.SetAddAsync(ContactOfKey(contactId), ownerId.ToString());
        }
        else
        {
            await Db.SetRemoveAsync(ContactsKey(ownerId), contactId.ToString());
            await Db.SetRemoveAsync(ContactOfKey(contactId), ownerId.ToString());
        }
    }

    public Task SetBlockAsync(Guid blockerId, Guid blockedId, bool blocked) =>
        blocked ? Db.SetAddAsync(BlocksKey(blockerId), blockedId.ToString()) : Db.SetRemoveAsync(BlocksKey(blockerId), blockedId.ToString());

    public Task SetVisibilityAsync(Guid userId, string visibility) => Db.HashSetAsync(Visibility, userId.ToString(), visibility);

    /// <summary>Remembers the user's <c>allowCalls</c> preference (only refusals are stored: calls are allowed by default).</summary>
    public Task SetAllowCallsAsync(Guid userId, bool allowCalls) =>
        allowCalls ? Db.SetRemoveAsync(CallsRefused, userId.ToString()) : Db.SetAddAsync(CallsRefused, userId.ToString());

    public async Task<bool> AllowsCallsAsync(Guid userId) => !await Db.SetContainsAsync(CallsRefused, userId.ToString());

    /// <summary>Whether either user blocked the other.</summary>
    public async Task<bool> BlockedEitherWayAsync(Guid one, Guid other) =>
        await Db.SetContainsAsync(BlocksKey(one), other.ToString()) || await Db.SetContainsAsync(BlocksKey(other), one.ToString());

    /// <summary>Whether <paramref name="viewer"/> may see <paramref name="userId"/>'s presence: no block either way, and the profile's visibility allows it.</summary>
    public async Task<bool> CanSeeAsync(Guid viewer, Guid userId)
    {
        if (viewer == userId)
        {
            return true;
        }

        if (await BlockedEitherWayAsync(userId, viewer))
        {
            return false;
        }

        return (string?)await Db.HashGetAsync(Visibility, userId.ToString()) switch
        {
            "private" => false,
            "contacts" => await Db.SetContainsAsync(ContactsKey(userId), viewer.ToString()),
            _ => true,
        };
    }

    /// <summary>Who hears of <paramref name="userId"/>'s presence changes: their contacts, who has them as a contact, and the members of their rooms, if allowed to see it.</summary>
    public async Task<IReadOnlyList<Guid>> AudienceOfAsync(Guid userId, IEnumerable<Guid> roomMates)
    {
        var related = new HashSet<Guid>(roomMates);
        foreach (var members in await Task.WhenAll(Db.SetMembersAsync(ContactsKey(userId)), Db.SetMembersAsync(ContactOfKey(userId))))
        {
            related.UnionWith(members.Select(v => Guid.Parse(v.ToString())));
        }

        related.Remove(userId);
        var viewers = related.ToList();
        var allowed = await Task.WhenAll(viewers.Select(viewer => CanSeeAsync(viewer, userId)));
        return [.. viewers.Where((_, i) => allowed[i])];
    }

    private static RedisKey ContactsKey(Guid userId) => $"presence:contacts:{userId:N}";

    private static RedisKey ContactOfKey(Guid userId) => $"presence:contact-of:{userId:N}";

    private static RedisKey BlocksKey(Guid userId) => $"presence:blocks:{userId:N}";
}
