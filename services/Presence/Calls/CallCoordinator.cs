using Microsoft.Extensions.Options;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Rooms;
using WebRtcChat.Presence.Status;

namespace WebRtcChat.Presence.Calls;

/// <summary>
/// The call lifecycle behind the hub and the sweeper: checks the rules, writes each transition through
/// <see cref="CallStore"/>, and has <see cref="CallAnnouncer"/> tell everyone concerned.
/// </summary>
public sealed class CallCoordinator(
    CallStore store, CallAnnouncer announcer, CallRules rules, RoomMembers rooms, PresenceStore presence, IOptions<CallOptions> options, TimeProvider time)
{
    private CallOptions Options => options.Value;

    /// <summary>Rings every device of <paramref name="calleeId"/>; the caller takes part through <paramref name="connectionId"/>.</summary>
    public async Task<CallState> InviteUserAsync(Guid caller, string connectionId, Guid calleeId, string media, CancellationToken cancellationToken)
    {
        EnsureMedia(media);
        if (await rules.RefusalAsync(caller, calleeId) is { } refusal)
        {
            throw new CallRefusedException(refusal);
        }

        await LeaveStaleCallAsync(caller, cancellationToken);
        return await StartAsync(CallState.Start(caller, connectionId, CallKinds.Direct, media, null, [calleeId], time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Starts a mesh call in a room and rings its other members (those the rules let the caller ring).</summary>
    public async Task<CallState> InviteRoomAsync(Guid caller, string connectionId, Guid roomId, string media, CancellationToken cancellationToken)
    {
        EnsureMedia(media);
        var members = await MembersOrRefuseAsync(roomId, caller);
        var invitees = new List<Guid>();
        foreach (var member in members.Where(m => m != caller))
        {
            if (await rules.RefusalAsync(caller, member) is null)
            {
                invitees.Add(member);
            }
        }

        await LeaveStaleCallAsync(caller, cancellationToken);
        return await StartAsync(CallState.Start(caller, connectionId, CallKinds.Mesh, media, roomId, invitees, time.GetUtcNow()), cancellationToken);
    }

    /// <summary>Answers on this device; with <paramref name="switchCalls"/> the user first leaves the call they are in.</summary>
    public async Task<CallState> AcceptAsync(Guid userId, string connectionId, Guid callId, bool switchCalls, CancellationToken cancellationToken)
    {
        var call = await store.GetAsync(callId) ?? throw new CallRefusedException("There is no such call, or it has ended.");
        if (call.Kind == CallKinds.Mesh && call.RoomId is { } roomId)
        {
            await MembersOrRefuseAsync(roomId, userId);
        }

        await LeaveStaleCallAsync(userId, cancellationToken);
        try
        {
            return await ChangeAsync(callId, c => c.Join(userId, connectionId, time.GetUtcNow(), Options.MaxMeshParticipants), connectionId, cancellationToken);
        }
        catch (CallBusyException busy) when (switchCalls && busy.UserId == userId)
        {
            await ChangeAsync(busy.OtherCallId, c => c.Leave(userId, time.GetUtcNow()), connectionId, cancellationToken);
            return await ChangeAsync(callId, c => c.Join(userId, connectionId, time.GetUtcNow(), Options.MaxMeshParticipants), connectionId, cancellationToken);
        }
    }

    /// <summary><c>join-group-call</c>: takes part in the room's call (a member only).</summary>
    public async Task<CallState> JoinRoomCallAsync(Guid userId, string connectionId, Guid roomId, bool switchCalls, CancellationToken cancellationToken)
    {
        await MembersOrRefuseAsync(roomId, userId);
        var callId = await store.RoomCallAsync(roomId) ?? throw new CallRefusedException("This room has no call; start one with InviteRoom.");
        return await AcceptAsync(userId, connectionId, callId, switchCalls, cancellationToken);
    }

    public Task<CallState> RejectAsync(Guid userId, Guid callId, CancellationToken cancellationToken) =>
        ChangeAsync(callId, c => c.Reject(userId, time.GetUtcNow()), null, cancellationToken);

    public Task<CallState> CancelAsync(Guid userId, Guid callId, CancellationToken cancellationToken) =>
        ChangeAsync(callId, c => c.Cancel(userId, time.GetUtcNow()), null, cancellationToken);

    public Task<CallState> HangUpAsync(Guid userId, Guid callId, CancellationToken cancellationToken) =>
        ChangeAsync(callId, c => c.Leave(userId, time.GetUtcNow()), null, cancellationToken);

    /// <summary>A reconnected client takes the participant's place with its new connection (within the leave grace).</summary>
    public Task<CallState> RejoinAsync(Guid userId, string connectionId, Guid callId, CancellationToken cancellationToken) =>
        ChangeAsync(callId, c => c.Rebind(userId, connectionId), connectionId, cancellationToken);

    /// <summary>The participant connection of <paramref name="to"/>, when both it and the sender's connection take part in the call.</summary>
    public async Task<string> RelayTargetAsync(Guid callId, Guid from, string fromConnection, Guid to)
    {
        var call = await store.GetAsync(callId) ?? throw new CallRefusedException("There is no such call, or it has ended.");
        if (!call.Participants.TryGetValue(from, out var own) || own != fromConnection)
        {
            throw new CallRefusedException("You are not a participant of this call (on this connection).");
        }

        return call.Participants.TryGetValue(to, out var target) && to != from
            ? target
            : throw new CallRefusedException("The recipient is not a participant of this call.");
    }

    /// <summary>A closed connection that took part in a call leaves it after the grace period, unless a new one rejoins.</summary>
    public async Task ConnectionClosedAsync(Guid userId, string connectionId)
    {
        if (await store.UserCallAsync(userId) is { } callId
            && await store.GetAsync(callId) is { } call
            && call.Participants.TryGetValue(userId, out var participant) && participant == connectionId)
        {
            await store.ScheduleLeaveAsync(callId, userId, connectionId, time.GetUtcNow() + Options.LeaveGrace);
        }
    }

    /// <summary>Ring timeouts and leave graces that are due, handled once across all instances.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var callId in await store.ClaimDueRingTimeoutsAsync(now))
        {
            await HandleOrPutBackAsync(
                () => TryChangeAsync(callId, c => c.TimeOut(now), cancellationToken),
                () => store.ScheduleRingTimeoutAsync(callId, now));
        }

        foreach (var (callId, userId, connectionId) in await store.ClaimDueLeavesAsync(now))
        {
            await HandleOrPutBackAsync(
                () => TryChangeAsync(callId, c => LeaveIfStill(c, userId, connectionId, now), cancellationToken),
                () => store.ScheduleLeaveAsync(callId, userId, connectionId, now));
        }
    }

    /// <summary>A claimed deadline whose handling failed (store or bus briefly away) is put back, due, for the next sweep.</summary>
    private static async Task HandleOrPutBackAsync(Func<Task> handle, Func<Task> putBack)
    {
        try
        {
            await handle();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            await putBack();
            throw;
        }
    }

    /// <summary>
    /// The call the user is in, if the connection that took part is gone without a goodbye (its instance crashed before it
    /// could disconnect), is left now, so the user is not busy forever.
    /// </summary>
    private async Task LeaveStaleCallAsync(Guid userId, CancellationToken cancellationToken)
    {
        if (await store.UserCallAsync(userId) is { } callId
            && await store.GetAsync(callId) is { } call
            && call.Participants.TryGetValue(userId, out var connectionId)
            && !(await presence.LiveConnectionsAsync(userId)).Contains(connectionId))
        {
            await TryChangeAsync(callId, c => LeaveIfStill(c, userId, connectionId, time.GetUtcNow()), cancellationToken);
        }
    }

    /// <summary>Leaves only if <paramref name="connectionId"/> still takes part (the user did not rejoin meanwhile).</summary>
    private static void LeaveIfStill(CallState call, Guid userId, string connectionId, DateTimeOffset now)
    {
        if (call.Participants.TryGetValue(userId, out var current) && current == connectionId)
        {
            call.Leave(userId, now);
        }
    }

    private async Task TryChangeAsync(Guid callId, Action<CallState> change, CancellationToken cancellationToken)
    {
        try
        {
            await ChangeAsync(callId, change, null, cancellationToken);
        }
        catch (CallRefusedException)
        {
            // The call ended meanwhile: nothing is due any more.
        }
    }

    private async Task<CallState> StartAsync(CallState call, CancellationToken cancellationToken)
    {
        var update = await store.CreateAsync(call, Options.RingTimeout);
        var busy = new List<Guid>();
        foreach (var invitee in call.Invited)
        {
            if (await store.UserCallAsync(invitee) is not null)
            {
                busy.Add(invitee);
            }
        }

        await announcer.StartedAsync(update.After, busy, Options.RingTimeout, cancellationToken);
        return update.After;
    }

    private async Task<CallState> ChangeAsync(Guid callId, Action<CallState> change, string? actingConnection, CancellationToken cancellationToken)
    {
        var update = await store.UpdateAsync(callId, change);
        await announcer.ChangedAsync(update, actingConnection, cancellationToken);
        return update.After;
    }

    private async Task<IReadOnlyList<Guid>> MembersOrRefuseAsync(Guid roomId, Guid userId)
    {
        var members = await rooms.OfAsync(roomId);
        return members.Contains(userId) ? members : throw new CallRefusedException("You are not a member of this room.");
    }

    private static void EnsureMedia(string media)
    {
        if (!CallMedia.IsKnown(media))
        {
            throw new CallRefusedException($"The media must be {CallMedia.Audio} or {CallMedia.Video}.");
        }
    }
}
