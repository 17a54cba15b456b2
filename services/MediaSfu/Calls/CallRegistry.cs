using System.Globalization;
using StackExchange.Redis;

namespace WebRtcChat.MediaSfu.Calls;

/// <summary>
/// Calls and their participants in Redis, shared by every SFU node: a room has at most one live call; a call records the
/// node hosting its media. Transitions are single Lua scripts, so concurrent creates, joins and leaves stay consistent.
/// Ended calls are kept for <see cref="EndedRetention"/> so their details can still be read.
/// </summary>
public sealed class CallRegistry(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan EndedRetention = TimeSpan.FromDays(1);

    // KEYS[1] = the room's live call, KEYS[2] = the new call's hash, KEYS[3] = the calls its node hosts; ARGV = id, room,
    // creator, created (unix ms), node.
    private const string CreateUnlessLive = """
        local live = redis.call('GET', KEYS[1])
        if live then return {0, live} end
        redis.call('SET', KEYS[1], ARGV[1])
        redis.call('HSET', KEYS[2], 'room', ARGV[2], 'createdBy', ARGV[3], 'createdAt', ARGV[4], 'node', ARGV[5])
        redis.call('SADD', KEYS[3], ARGV[1])
        return {1, ARGV[1]}
        """;

    // KEYS[1] = call hash, KEYS[2] = participants hash, KEYS[3] = everyone who took part; ARGV = user, participant
    // id, joined (unix ms). Keeps the peak count. Returns the participant id this one replaced ('' if none), or false
    // when the call is unknown or over.
    private const string Join = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'endedAt') == 1 then return false end
        local previous = redis.call('HGET', KEYS[2], ARGV[1]) or ''
        redis.call('HSET', KEYS[2], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
        redis.call('SADD', KEYS[3], ARGV[1])
        local count = redis.call('HLEN', KEYS[2])
        if count > tonumber(redis.call('HGET', KEYS[1], 'peak') or '0') then redis.call('HSET', KEYS[1], 'peak', count) end
        return string.match(previous, '^[^:]*')
        """;

    // The end of a call, shared by the scripts below. KEYS = call hash, participants hash, the room's live call, everyone
    // who took part, the calls its node hosts; ARGV[1..3] = ended (unix ms), retention (s), call id.
    private const string EndCall = """
        redis.call('HSET', KEYS[1], 'endedAt', ARGV[1])
        redis.call('EXPIRE', KEYS[1], ARGV[2])
        redis.call('EXPIRE', KEYS[4], ARGV[2])
        redis.call('SREM', KEYS[5], ARGV[3])
        if redis.call('GET', KEYS[3]) == ARGV[3] then redis.call('DEL', KEYS[3]) end
        """;

    // KEYS and ARGV[1..3] as EndCall's; ARGV[4] = user, ARGV[5] = participant id ('' = whichever). Returns -1 not in the
    // call, 0 left, 1 left and ended it.
    private const string Leave = """
        local current = redis.call('HGET', KEYS[2], ARGV[4])
        if not current or (ARGV[5] ~= '' and string.match(current, '^[^:]*') ~= ARGV[5]) then return -1 end
        redis.call('HDEL', KEYS[2], ARGV[4])
        if redis.call('HLEN', KEYS[2]) > 0 then return 0 end
        """ + "\n" + EndCall + "\n" + """
        return 1
        """;

    // KEYS and ARGV[1..3] as EndCall's; ARGV[4] = why. Ends a call whose media is gone, whoever is still in it. Returns the
    // users who were, or false when the call had ended already.
    private const string Abandon = """
        if redis.call('EXISTS', KEYS[1]) == 0 or redis.call('HEXISTS', KEYS[1], 'endedAt') == 1 then
          redis.call('SREM', KEYS[5], ARGV[3])
          return false
        end
        local users = redis.call('HKEYS', KEYS[2])
        redis.call('DEL', KEYS[2])
        redis.call('HSET', KEYS[1], 'endReason', ARGV[4])
        """ + "\n" + EndCall + "\n" + """
        return users
        """;

    /// <summary>The room's live call, created by <paramref name="userId"/> on <paramref name="node"/> if there is none.</summary>
    public async Task<(CallRecord Call, bool Created)> CreateOrGetAsync(Guid roomId, Guid userId, string node, DateTimeOffset now)
    {
        var id = Guid.CreateVersion7(now);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(
            CreateUnlessLive,
            [LiveCallKey(roomId), CallKey(id), HostedCallsKey(node)],
            [id.ToString(), roomId.ToString(), userId.ToString(), now.ToUnixTimeMilliseconds(), node]))!;
        var callId = Guid.Parse(result[1].ToString());
        var call = await GetAsync(callId) ?? throw new InvalidOperationException($"Call {callId} vanished while it was live.");
        return (call, (int)result[0] == 1);
    }

    public async Task<CallRecord?> GetAsync(Guid callId)
    {
        var fields = (await redis.GetDatabase().HashGetAllAsync(CallKey(callId))).ToDictionary(e => e.Name.ToString(), e => e.Value.ToString(), StringComparer.Ordinal);
        if (fields.Count == 0)
        {
            return null;
        }

        return new CallRecord(
            callId,
            Guid.Parse(fields["room"]),
            Guid.Parse(fields["createdBy"]),
            FromUnixMs(fields["createdAt"]),
            fields["node"],
            fields.TryGetValue("endedAt", out var ended) ? FromUnixMs(ended) : null,
            fields.GetValueOrDefault("endReason"));
    }

    /// <summary>
    /// Adds <paramref name="participant"/> to a live call. Returns false when the call is unknown or over; otherwise
    /// the participant it replaced (the same user joined before, from another device), if any.
    /// </summary>
    public async Task<(bool Joined, Guid? Replaced)> JoinAsync(Guid callId, CallParticipant participant)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            Join,
            [CallKey(callId), ParticipantsKey(callId), EveryoneKey(callId)],
            [participant.UserId.ToString(), participant.ParticipantId.ToString(), participant.JoinedAt.ToUnixTimeMilliseconds()]);
        if (result.IsNull)
        {
            return (false, null);
        }

        return (true, Guid.TryParse(result.ToString(), out var replaced) ? replaced : null);
    }

    /// <summary>
    /// Removes <paramref name="userId"/> (only as <paramref name="participantId"/>, when given: a device that was replaced
    /// must not remove its successor); the last one out ends the call.
    /// </summary>
    public async Task<LeaveOutcome> LeaveAsync(CallRecord call, Guid userId, DateTimeOffset now, Guid? participantId = null)
    {
        var result = (int)await redis.GetDatabase().ScriptEvaluateAsync(
            Leave, EndKeys(call), [.. EndArguments(call, now), userId.ToString(), participantId?.ToString() ?? string.Empty]);
        return result switch
        {
            < 0 => LeaveOutcome.NotInCall,
            0 => LeaveOutcome.Left,
            _ => LeaveOutcome.LeftAndEnded,
        };
    }

    public async Task<IReadOnlyList<CallParticipant>> ParticipantsAsync(Guid callId)
    {
        var entries = await redis.GetDatabase().HashGetAllAsync(ParticipantsKey(callId));
        return entries
            .Select(e =>
            {
                var parts = e.Value.ToString().Split(':');
                return new CallParticipant(Guid.Parse(parts[0]), Guid.Parse(e.Name.ToString()), FromUnixMs(parts[1]));
            })
            .OrderBy(p => p.JoinedAt)
            .ToList();
    }

    /// <summary>Everyone who took part in the call and the most participants it had at once.</summary>
    public async Task<(IReadOnlyList<Guid> Everyone, int Peak)> SummaryAsync(Guid callId)
    {
        var db = redis.GetDatabase();
        var everyone = await db.SetMembersAsync(EveryoneKey(callId));
        var peak = await db.HashGetAsync(CallKey(callId), "peak");
        return ([.. everyone.Select(v => Guid.Parse(v.ToString()))], peak.IsNull ? 0 : (int)peak);
    }

    /// <summary>The calls node <paramref name="node"/> hosts (the ids of those created there and not ended yet).</summary>
    public async Task<IReadOnlyList<Guid>> HostedByAsync(string node) =>
        [.. (await redis.GetDatabase().SetMembersAsync(HostedCallsKey(node))).Select(v => Guid.Parse(v.ToString()))];

    /// <summary>
    /// Ends a call whose media is gone (its node was lost), for <paramref name="reason"/>. Returns the users who were still
    /// in it, or null when it had ended already (another sweep got there first).
    /// </summary>
    public async Task<IReadOnlyList<Guid>?> AbandonAsync(CallRecord call, DateTimeOffset now, string reason)
    {
        var result = await redis.GetDatabase().ScriptEvaluateAsync(Abandon, EndKeys(call), [.. EndArguments(call, now), reason]);
        return result.IsNull ? null : [.. ((RedisResult[])result!).Select(user => Guid.Parse(user.ToString()))];
    }

    private static RedisKey[] EndKeys(CallRecord call) =>
        [CallKey(call.Id), ParticipantsKey(call.Id), LiveCallKey(call.RoomId), EveryoneKey(call.Id), HostedCallsKey(call.Node)];

    private static RedisValue[] EndArguments(CallRecord call, DateTimeOffset now) =>
        [now.ToUnixTimeMilliseconds(), (long)EndedRetention.TotalSeconds, call.Id.ToString()];

    private static DateTimeOffset FromUnixMs(string value) =>
        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(value, CultureInfo.InvariantCulture));

    private static RedisKey LiveCallKey(Guid roomId) => $"sfu:room:{roomId}:call";

    private static RedisKey CallKey(Guid callId) => $"sfu:call:{callId}";

    private static RedisKey ParticipantsKey(Guid callId) => $"sfu:call:{callId}:participants";

    private static RedisKey EveryoneKey(Guid callId) => $"sfu:call:{callId}:everyone";

    private static RedisKey HostedCallsKey(string node) => $"sfu:node:{node}:calls";
}
