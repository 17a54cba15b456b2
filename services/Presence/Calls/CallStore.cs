using System.Text.Json;
using StackExchange.Redis;

namespace WebRtcChat.Presence.Calls;

/// <summary>
/// Calls in Redis, shared by every instance. Each transition is optimistic: read the call, apply the change to a copy, and
/// write it in a transaction that holds only if nobody changed the call (or made a joining user busy) meanwhile; otherwise
/// it retries on the fresh state. So two instances never both win a transition, and whoever wins announces it once.
/// The indexes (a user's call, the calls ringing for them, a room's call, ring deadlines) change in the same transaction.
/// </summary>
public sealed class CallStore(IConnectionMultiplexer redis)
{
    private const int MaxAttempts = 20;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Stores a new call: refused while its initiator is in another call or its room already has one.</summary>
    public async Task<CallUpdate> CreateAsync(CallState call, TimeSpan ringTimeout)
    {
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyNotExists(CallKeys.CallOf(call.InitiatorId)));
        if (call.RoomId is { } roomId)
        {
            transaction.AddCondition(Condition.KeyNotExists(CallKeys.RoomCall(roomId)));
            _ = transaction.StringSetAsync(CallKeys.RoomCall(roomId), call.Id.ToString());
        }

        _ = transaction.StringSetAsync(CallKeys.Call(call.Id), Serialize(call));
        _ = transaction.StringSetAsync(CallKeys.CallOf(call.InitiatorId), call.Id.ToString());
        foreach (var invitee in call.Ringing)
        {
            _ = transaction.SetAddAsync(CallKeys.RingingFor(invitee), call.Id.ToString());
        }

        if (call.Ringing.Count > 0)
        {
            _ = transaction.SortedSetAddAsync(CallKeys.RingDeadlines, call.Id.ToString(), (call.CreatedAt + ringTimeout).ToUnixTimeMilliseconds());
        }

        if (!await transaction.ExecuteAsync())
        {
            throw new CallRefusedException(await UserCallAsync(call.InitiatorId) is not null
                ? "You are already in a call; hang up first."
                : "This room already has a call; join it with join-group-call.");
        }

        return new CallUpdate(null, call);
    }

    /// <summary>Applies <paramref name="change"/> to the call atomically (retrying on concurrent changes); the change may refuse.</summary>
    public async Task<CallUpdate> UpdateAsync(Guid callId, Action<CallState> change)
    {
        var db = Db;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var json = await db.StringGetAsync(CallKeys.Call(callId));
            if (json.IsNull)
            {
                throw new CallRefusedException("There is no such call, or it has ended.");
            }

            var before = Deserialize(json);
            var after = Deserialize(json);
            change(after);
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.StringEqual(CallKeys.Call(callId), json));
            await EnsureFreeAsync(transaction, callId, [.. after.Participants.Keys.Except(before.Participants.Keys)]);
            Write(transaction, before, after);
            if (await transaction.ExecuteAsync())
            {
                return new CallUpdate(before, after);
            }
        }

        throw new CallRefusedException("The call is changing too fast; try again.");
    }

    public async Task<CallState?> GetAsync(Guid callId)
    {
        var json = await Db.StringGetAsync(CallKeys.Call(callId));
        return json.IsNull ? null : Deserialize(json);
    }

    /// <summary>The call <paramref name="userId"/> takes part in, if any.</summary>
    public async Task<Guid?> UserCallAsync(Guid userId) => ParseId(await Db.StringGetAsync(CallKeys.CallOf(userId)));

    public async Task<Guid?> RoomCallAsync(Guid roomId) => ParseId(await Db.StringGetAsync(CallKeys.RoomCall(roomId)));

    /// <summary>The calls the user takes part in or is being rung for.</summary>
    public async Task<IReadOnlyList<CallState>> ActiveForAsync(Guid userId)
    {
        var ids = (await Db.SetMembersAsync(CallKeys.RingingFor(userId))).Select(v => ParseId(v)!.Value).ToList();
        if (await UserCallAsync(userId) is { } current)
        {
            ids.Insert(0, current);
        }

        var calls = await Task.WhenAll(ids.Distinct().Select(GetAsync));
        return [.. calls.OfType<CallState>()];
    }

    public Task ScheduleRingTimeoutAsync(Guid callId, DateTimeOffset due) =>
        Db.SortedSetAddAsync(CallKeys.RingDeadlines, callId.ToString(), due.ToUnixTimeMilliseconds());

    /// <summary>Schedules <paramref name="userId"/>'s leave unless <paramref name="connectionId"/> is replaced by then.</summary>
    public Task ScheduleLeaveAsync(Guid callId, Guid userId, string connectionId, DateTimeOffset due) =>
        Db.SortedSetAddAsync(CallKeys.LeaveDeadlines, $"{callId:N}|{userId:N}|{connectionId}", due.ToUnixTimeMilliseconds());

    /// <summary>Ring timeouts that are due, each claimed by exactly one caller across all instances.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimDueRingTimeoutsAsync(DateTimeOffset now) =>
        [.. (await ClaimDueAsync(CallKeys.RingDeadlines, now)).Select(member => Guid.Parse(member))];

    /// <summary>Leave graces that are due, each claimed by exactly one caller across all instances.</summary>
    public async Task<IReadOnlyList<(Guid CallId, Guid UserId, string ConnectionId)>> ClaimDueLeavesAsync(DateTimeOffset now) =>
        [.. (await ClaimDueAsync(CallKeys.LeaveDeadlines, now)).Select(member => member.Split('|', 3)).Select(p => (Guid.Parse(p[0]), Guid.Parse(p[1]), p[2]))];

    private async Task<List<string>> ClaimDueAsync(RedisKey schedule, DateTimeOffset now)
    {
        var db = Db;
        var claimed = new List<string>();
        foreach (var member in await db.SortedSetRangeByScoreAsync(schedule, double.NegativeInfinity, now.ToUnixTimeMilliseconds(), take: 200))
        {
            // ZREM answers true to one instance only: that one handles it.
            if (await db.SortedSetRemoveAsync(schedule, member))
            {
                claimed.Add(member.ToString());
            }
        }

        return claimed;
    }

    /// <summary>Users joining must not be in another call: the transaction holds only while that stays true.</summary>
    private async Task EnsureFreeAsync(ITransaction transaction, Guid callId, IReadOnlyList<Guid> joining)
    {
        foreach (var userId in joining)
        {
            var current = ParseId(await Db.StringGetAsync(CallKeys.CallOf(userId)));
            if (current is { } other && other != callId)
            {
                throw new CallBusyException(userId, other);
            }

            transaction.AddCondition(Condition.KeyNotExists(CallKeys.CallOf(userId)));
        }
    }

    private static void Write(ITransaction transaction, CallState before, CallState after)
    {
        var id = after.Id.ToString();
        foreach (var userId in after.Participants.Keys.Except(before.Participants.Keys))
        {
            _ = transaction.StringSetAsync(CallKeys.CallOf(userId), id);
        }

        foreach (var userId in before.Participants.Keys.Except(after.Participants.Keys))
        {
            _ = transaction.KeyDeleteAsync(CallKeys.CallOf(userId));
        }

        foreach (var userId in before.Ringing.Except(after.Ringing))
        {
            _ = transaction.SetRemoveAsync(CallKeys.RingingFor(userId), id);
        }

        if (after.Ringing.Count == 0)
        {
            _ = transaction.SortedSetRemoveAsync(CallKeys.RingDeadlines, id);
        }

        if (!after.IsEnded)
        {
            _ = transaction.StringSetAsync(CallKeys.Call(after.Id), Serialize(after));
            return;
        }

        _ = transaction.KeyDeleteAsync(CallKeys.Call(after.Id));
        if (after.RoomId is { } roomId)
        {
            _ = transaction.KeyDeleteAsync(CallKeys.RoomCall(roomId));
        }
    }

    private static Guid? ParseId(RedisValue value) => value.IsNullOrEmpty ? null : Guid.Parse(value.ToString());

    private static string Serialize(CallState call) => JsonSerializer.Serialize(call);

    private static CallState Deserialize(RedisValue json) => JsonSerializer.Deserialize<CallState>(json.ToString())!;
}
