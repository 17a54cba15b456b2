using MassTransit;
using Microsoft.AspNetCore.SignalR;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Hubs;
using WebRtcChat.Presence.Status;

namespace WebRtcChat.Presence.Calls;

/// <summary>
/// Tells clients and the bus what one written transition changed: who joined, declined, missed or left, whether the call
/// must move to the SFU, and how it ended (with the history entries). Only the instance whose write won calls this, so
/// each event is published once.
/// </summary>
public sealed class CallAnnouncer(IHubContext<ChatHub> hub, IBus bus, CallHistory history, PresenceStore presence, TimeProvider time)
{
    public async Task StartedAsync(CallState call, IReadOnlyCollection<Guid> busyInvitees, TimeSpan ringTimeout, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await bus.Publish(new CallStarted(call.Id, call.RoomId, call.InitiatorId, call.Kind, call.Media, [.. call.Invited], now), cancellationToken);
        await bus.Publish(new CallParticipantJoined(call.Id, call.InitiatorId, now), cancellationToken);
        foreach (var busy in new[] { false, true })
        {
            var invitees = call.Ringing.Where(id => busyInvitees.Contains(id) == busy).ToList();
            var ring = new IncomingCall(call.Id, call.Kind, call.Media, call.InitiatorId, call.RoomId, (int)ringTimeout.TotalMilliseconds, busy);
            await hub.Clients.Users(Names(invitees)).SendAsync(CallEventNames.IncomingCall, ring, cancellationToken);
        }

        foreach (var busyInvitee in busyInvitees)
        {
            await hub.Clients.User(call.InitiatorId.ToString()).SendAsync(CallEventNames.CallBusy, new CallBusy(call.Id, busyInvitee), cancellationToken);
        }
    }

    /// <param name="actingConnection">The connection that made the change (it is not told "answered elsewhere").</param>
    public async Task ChangedAsync(CallUpdate update, string? actingConnection, CancellationToken cancellationToken)
    {
        var call = update.After;
        var now = time.GetUtcNow();
        var audience = Names(call.Participants.Keys.Union(update.ParticipantsBefore));
        foreach (var joined in update.JoinedUsers)
        {
            await bus.Publish(new CallParticipantJoined(call.Id, joined, now), cancellationToken);
            var others = (await presence.LiveConnectionsAsync(joined)).Where(c => c != actingConnection).ToList();
            await hub.Clients.Clients(others).SendAsync(CallEventNames.CallAnsweredElsewhere, new CallRingStopped(call.Id), cancellationToken);
            await hub.Clients.Users(audience).SendAsync(CallEventNames.ParticipantJoined, Changed(call, joined), cancellationToken);
        }

        foreach (var rejecter in update.NewlyRejected)
        {
            await hub.Clients.Users([.. audience, rejecter.ToString()]).SendAsync(CallEventNames.CallRejected, new CallRejected(call.Id, rejecter), cancellationToken);
        }

        await hub.Clients.Users(Names(update.NewlyMissed)).SendAsync(CallEventNames.CallMissed, new CallRingStopped(call.Id), cancellationToken);
        foreach (var left in update.LeftUsers)
        {
            await bus.Publish(new CallParticipantLeft(call.Id, left, now), cancellationToken);
            await hub.Clients.Users([.. audience]).SendAsync(CallEventNames.ParticipantLeft, Changed(call, left), cancellationToken);
        }

        if (update.MovedToSfuNow)
        {
            await hub.Clients.Users(Names(call.Participants.Keys)).SendAsync(CallEventNames.SwitchToSfu, new CallSwitchToSfu(call.Id, call.RoomId), cancellationToken);
        }

        if (update.EndedNow)
        {
            await EndedAsync(update.Before!, call, cancellationToken);
        }
    }

    private async Task EndedAsync(CallState before, CallState call, CancellationToken cancellationToken)
    {
        await history.RecordAsync(call);
        await bus.Publish(
            new CallEnded(call.Id, [.. call.Joined], call.DurationSeconds, call.EndedAt!.Value, call.Outcome!, call.Kind, call.PeakParticipants),
            cancellationToken);
        var told = call.Involved.Union(before.Ringing);
        await hub.Clients.Users(Names(told)).SendAsync(
            CallEventNames.CallEnded, new CallFinished(call.Id, call.Outcome!, call.DurationSeconds), cancellationToken);
    }

    private static CallParticipantChanged Changed(CallState call, Guid userId) => new(call.Id, call.RoomId, userId, [.. call.Participants.Keys]);

    private static List<string> Names(IEnumerable<Guid> users) => [.. users.Distinct().Select(id => id.ToString())];
}
