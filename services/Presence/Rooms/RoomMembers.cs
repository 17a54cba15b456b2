using StackExchange.Redis;

namespace WebRtcChat.Presence.Rooms;

/// <summary>
/// Presence's own copy of who is in which room, in Redis, built from Messaging's room events (never a call to
/// Messaging). Each event carries the whole member list after its change, so applying one replaces the set; an event
/// older than the last one applied (they can arrive out of order) is ignored.
/// </summary>
public sealed class RoomMembers(IConnectionMultiplexer redis)
{
    // KEYS[1] = members set, KEYS[2] = version; ARGV[1] = the event's time (ticks), ARGV[2..] = member ids.
    private const string ReplaceIfNewer = """
        local current = tonumber(redis.call('GET', KEYS[2]) or '-1')
        if tonumber(ARGV[1]) < current then return 0 end
        redis.call('DEL', KEYS[1])
        if #ARGV > 1 then redis.call('SADD', KEYS[1], unpack(ARGV, 2)) end
        redis.call('SET', KEYS[2], ARGV[1])
        return 1
        """;

    public async Task ReplaceAsync(Guid roomId, IReadOnlyCollection<Guid> memberIds, DateTimeOffset occurredAt)
    {
        var values = new RedisValue[memberIds.Count + 1];
        values[0] = occurredAt.UtcTicks;
        var i = 1;
        foreach (var member in memberIds)
        {
            values[i++] = member.ToString();
        }

        await redis.GetDatabase().ScriptEvaluateAsync(ReplaceIfNewer, [MembersKey(roomId), VersionKey(roomId)], values);
    }

    public Task<bool> ContainsAsync(Guid roomId, Guid userId) =>
        redis.GetDatabase().SetContainsAsync(MembersKey(roomId), userId.ToString());

    public async Task<IReadOnlyList<Guid>> OfAsync(Guid roomId) =>
        [.. (await redis.GetDatabase().SetMembersAsync(MembersKey(roomId))).Select(v => Guid.Parse(v.ToString()))];

    private static RedisKey MembersKey(Guid roomId) => $"presence:room:{roomId:N}:members";

    private static RedisKey VersionKey(Guid roomId) => $"presence:room:{roomId:N}:version";
}
