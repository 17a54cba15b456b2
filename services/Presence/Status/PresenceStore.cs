using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace WebRtcChat.Presence.Status;

/// <summary>
/// Presence in Redis, shared by every instance. Per user: the live connections (scored by when they expire unless their
/// instance vouches for them again) and the chosen status, custom text and last-seen time. A user is online while listed
/// in <c>presence:tracked</c>, scored by when they must be checked next: their connections' expiry, or the end of the
/// grace period after the last one closed. Whichever instance sweeps a due user with no live connection left marks them
/// offline, once.
/// </summary>
public sealed class PresenceStore(IConnectionMultiplexer redis, IOptions<PresenceOptions> options, TimeProvider time)
{
    private static readonly RedisKey Tracked = "presence:tracked";

    private IDatabase Db => redis.GetDatabase();

    private long Now => time.GetUtcNow().ToUnixTimeMilliseconds();

    // KEYS[1] = tracked users, KEYS[2] = the user's connections, KEYS[3] = the user's hash; ARGV = member, connection,
    // expiry, online. One script, so two devices connecting at once (on two instances) announce the user once.
    private const string Connect = """
        local was = redis.call('ZSCORE', KEYS[1], ARGV[1])
        redis.call('ZADD', KEYS[2], ARGV[3], ARGV[2])
        redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
        if was then return 0 end
        redis.call('HSET', KEYS[3], 'status', ARGV[4])
        return 1
        """;

    /// <summary>Records a new connection; true when the user was offline until now.</summary>
    public async Task<bool> ConnectAsync(Guid userId, string connectionId)
    {
        var expiry = Now + (long)options.Value.ConnectionTtl.TotalMilliseconds;
        var cameOnline = await Db.ScriptEvaluateAsync(
            Connect, [Tracked, ConnectionsKey(userId), UserKey(userId)], [Member(userId), connectionId, expiry, PresenceStatuses.Online]);
        return (int)cameOnline == 1;
    }

    /// <summary>Forgets a closed connection; the user goes offline at the next sweep after the grace period if it was the last.</summary>
    public async Task DisconnectAsync(Guid userId, string connectionId)
    {
        await Db.SortedSetRemoveAsync(ConnectionsKey(userId), connectionId);
        if (await Db.SortedSetLengthAsync(ConnectionsKey(userId), Now, double.PositiveInfinity) == 0)
        {
            await Db.SortedSetAddAsync(Tracked, Member(userId), Now + (long)options.Value.OfflineGrace.TotalMilliseconds);
        }
    }

    /// <summary>This instance vouches for its open connections until the next heartbeat (and a margin).</summary>
    public Task VouchAsync(IReadOnlyList<(string ConnectionId, Guid UserId)> connections)
    {
        // Pipelined: one round trip's latency for all of this instance's connections, not one per connection.
        var expiry = Now + (long)options.Value.ConnectionTtl.TotalMilliseconds;
        var db = Db;
        return Task.WhenAll(connections.SelectMany(c => new Task[]
        {
            db.SortedSetAddAsync(ConnectionsKey(c.UserId), c.ConnectionId, expiry),
            db.SortedSetAddAsync(Tracked, Member(c.UserId), expiry, SortedSetWhen.GreaterThan),
        }));
    }

    /// <summary>Users now offline: due for a check and without a live connection. Each is returned by one instance only.</summary>
    public async Task<IReadOnlyList<Guid>> SweepAsync()
    {
        var now = Now;
        var gone = new List<Guid>();
        foreach (var member in await Db.SortedSetRangeByScoreAsync(Tracked, double.NegativeInfinity, now, take: 500))
        {
            var userId = Guid.Parse(member.ToString());
            await Db.SortedSetRemoveRangeByScoreAsync(ConnectionsKey(userId), double.NegativeInfinity, now);
            var live = await Db.SortedSetRangeByRankWithScoresAsync(ConnectionsKey(userId), 0, 0, Order.Descending);
            if (live.Length > 0)
            {
                await Db.SortedSetAddAsync(Tracked, member, live[0].Score);
            }
            else if (await Db.SortedSetRemoveAsync(Tracked, member))
            {
                await Db.HashSetAsync(UserKey(userId), "lastSeen", now);
                gone.Add(userId);
            }
        }

        return gone;
    }

    /// <summary>The user's connections that are alive now, on any instance.</summary>
    public async Task<IReadOnlyList<string>> LiveConnectionsAsync(Guid userId) =>
        [.. (await Db.SortedSetRangeByScoreAsync(ConnectionsKey(userId), Now, double.PositiveInfinity)).Select(c => c.ToString())];

    public async Task SetChosenAsync(Guid userId, string status, string? text)
    {
        await Db.HashSetAsync(UserKey(userId), [new("status", status), new("text", text ?? string.Empty)]);
    }

    public async Task<UserPresence> GetAsync(Guid userId)
    {
        var online = await Db.SortedSetScoreAsync(Tracked, Member(userId)) is not null;
        var fields = await Db.HashGetAsync(UserKey(userId), ["status", "text", "lastSeen"]);
        var text = fields[1].IsNullOrEmpty ? null : fields[1].ToString();
        DateTimeOffset? lastSeen = fields[2].IsNullOrEmpty ? null : DateTimeOffset.FromUnixTimeMilliseconds((long)fields[2]);
        return online
            ? new UserPresence(userId, fields[0].IsNullOrEmpty ? PresenceStatuses.Online : fields[0].ToString(), text, null)
            : new UserPresence(userId, PresenceStatuses.Offline, text, lastSeen);
    }

    private static RedisValue Member(Guid userId) => userId.ToString();

    private static RedisKey ConnectionsKey(Guid userId) => $"presence:user:{userId:N}:connections";

    private static RedisKey UserKey(Guid userId) => $"presence:user:{userId:N}";
}
