using StackExchange.Redis;

namespace WebRtcChat.Presence.Rooms;

/// <summary>
/// Presence's own copy of who is in which room, in Redis, built from Messaging's room events (never a call to
/// Messaging). Each event carries the whole member list after its change, so applying one replaces the set; an event
/// older than the last one applied (they can arrive out of order) is ignored.
/// </summary>
public sealed class RoomMembers(IConnectionMultiplexer redis)
{
    // KEYS[1] = members set, KEYS[2] = version; ARGV[1] = the event's time (ticks), ARGV[2] = the room id,
    // ARGV[3..] = member ids. Each user's set of rooms (presence:user-rooms:<id>) follows the change.
    private const string ReplaceIfNewer = """
        local current = tonumber(redis.call('GET', KEYS[2]) or '-1')
        if tonumber(ARGV[1]) < current then return 0 end
        for _, old in ipairs(redis.call('SMEMBERS', KEYS[1])) do
            redis.call('SREM', 'presence:user-rooms:' .. old, ARGV[2])
        end
        redis.call('DEL', KEYS[1])
        for i = 3, #ARGV do
            redis.call('SADD', KEYS[1], ARGV[i])
            redis.call('SADD', 'presence:user-rooms:' .. ARGV[i], ARGV[2])
        end
        redis.call('SET', KEYS[2], ARGV[1])
        return 1
        """;

    public async Task ReplaceAsync(Guid roomId, IReadOnlyCollection<Guid> memberIds, DateTimeOffset occurredAt)
    {
        var values = new RedisValue[memberIds.Count + 2];
        values[0] = occurredAt.UtcTicks;
        values[1] = roomId.ToString();
        var i = 2;
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

    /// <summary>Everyone who shares at least one room with <paramref name="userId"/>.</summary>
    public async Task<IReadOnlyCollection<Guid>> RoomMatesOfAsync(Guid userId)
    {
        var db = redis.GetDatabase();
        var rooms = await db.SetMembersAsync($"presence:user-rooms:{userId}");
        var members = await Task.WhenAll(rooms.Select(room => db.SetMembersAsync(MembersKey(Guid.Parse(room.ToString())))));
        var mates = members.SelectMany(m => m).Select(v => Guid.Parse(v.ToString())).ToHashSet();
        mates.Remove(userId);
        return mates;
    }

    private static RedisKey MembersKey(Guid roomId) => $"presence:room:{roomId}:members";

    private static RedisKey VersionKey(Guid roomId) => $"presence:room:{roomId}:version";
}
