using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebRtcChat.Presence.Typing;

/// <summary>
/// Who is typing in which room, in Redis: a sorted set per room scored by each typist's expiry, so an indicator
/// disappears by itself when its client stops refreshing it (or vanishes), whichever instance it was on.
/// </summary>
public sealed class TypingIndicators(IConnectionMultiplexer redis, IOptions<TypingOptions> options, TimeProvider time)
{
    public TimeSpan Ttl => options.Value.Ttl;

    /// <summary>Marks <paramref name="userId"/> typing; true when the others should be told now (not throttled).</summary>
    public async Task<bool> StartAsync(Guid roomId, Guid userId)
    {
        var db = redis.GetDatabase();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SortedSetAddAsync(RoomKey(roomId), userId.ToString(), now + (long)Ttl.TotalMilliseconds);
        await db.KeyExpireAsync(RoomKey(roomId), Ttl);
        return await db.StringSetAsync(ThrottleKey(roomId, userId), 1, options.Value.Throttle, When.NotExists);
    }

    /// <summary>Clears the indicator; true when there was one to clear.</summary>
    public async Task<bool> StopAsync(Guid roomId, Guid userId)
    {
        var db = redis.GetDatabase();
        await db.KeyDeleteAsync(ThrottleKey(roomId, userId));
        return await db.SortedSetRemoveAsync(RoomKey(roomId), userId.ToString());
    }

    /// <summary>The users typing in the room now (expired indicators are dropped on the way).</summary>
    public async Task<IReadOnlyList<Guid>> InRoomAsync(Guid roomId)
    {
        var db = redis.GetDatabase();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await db.SortedSetRemoveRangeByScoreAsync(RoomKey(roomId), double.NegativeInfinity, now);
        return [.. (await db.SortedSetRangeByScoreAsync(RoomKey(roomId), now, double.PositiveInfinity)).Select(v => Guid.Parse(v.ToString()))];
    }

    private static RedisKey RoomKey(Guid roomId) => $"presence:typing:{roomId:N}";

    private static RedisKey ThrottleKey(Guid roomId, Guid userId) => $"presence:typing:{roomId:N}:{userId:N}:sent";
}
