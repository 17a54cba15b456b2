using StackExchange.Redis;

namespace WebRtcChat.MediaSfu.Nodes;

/// <summary>
/// The SFU nodes in Redis: a live node's record expires unless its heartbeat renews it; every node that ever registered
/// stays in a set until the sweeper has ended the calls it left behind.
/// </summary>
public sealed class NodeRegistry(IConnectionMultiplexer redis)
{
    private static readonly RedisKey Known = "sfu:nodes";
    private static readonly RedisKey SweepLock = "sfu:nodes:sweeper";

    // KEYS[1] = the node's record, KEYS[2] = the known set; ARGV[1] = its name. Forgets a node only while it is still gone.
    private const string ForgetIfGone = """
        if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
        return redis.call('SREM', KEYS[2], ARGV[1])
        """;

    public async Task BeatAsync(SfuNodeInfo node, TimeSpan expiry)
    {
        var db = redis.GetDatabase();
        var transaction = db.CreateTransaction();
        _ = transaction.HashSetAsync(NodeKey(node.Name), [new("http", node.HttpAddress), new("media", node.MediaAddress)]);
        _ = transaction.KeyExpireAsync(NodeKey(node.Name), expiry);
        _ = transaction.SetAddAsync(Known, node.Name);
        await transaction.ExecuteAsync();
    }

    /// <summary>Ends the node's registration at once (a graceful stop); the sweeper then ends the calls it hosted.</summary>
    public Task RemoveAsync(string name) => redis.GetDatabase().KeyDeleteAsync(NodeKey(name));

    public async Task<SfuNodeInfo?> FindAsync(string name)
    {
        var fields = (await redis.GetDatabase().HashGetAllAsync(NodeKey(name))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        return fields.TryGetValue("http", out var http) && fields.TryGetValue("media", out var media) ? new SfuNodeInfo(name, http, media) : null;
    }

    /// <summary>Nodes that registered once and whose registration has expired since.</summary>
    public async Task<IReadOnlyList<string>> LostAsync()
    {
        var db = redis.GetDatabase();
        var lost = new List<string>();
        foreach (var name in await db.SetMembersAsync(Known))
        {
            if (!await db.KeyExistsAsync(NodeKey(name.ToString())))
            {
                lost.Add(name.ToString());
            }
        }

        return lost;
    }

    /// <summary>Drops a lost node from the known set (unless it came back meanwhile).</summary>
    public Task ForgetAsync(string name) =>
        redis.GetDatabase().ScriptEvaluateAsync(ForgetIfGone, [NodeKey(name), Known], [name]);

    /// <summary>True for the one node that may sweep during the next <paramref name="period"/>.</summary>
    public Task<bool> TryLeadSweepAsync(string node, TimeSpan period) =>
        redis.GetDatabase().StringSetAsync(SweepLock, node, period, When.NotExists);

    private static RedisKey NodeKey(string name) => $"sfu:node:{name}";
}
