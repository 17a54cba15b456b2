using MassTransit;
using WebRtcChat.Contracts;

namespace WebRtcChat.MediaSfu.Calls;

/// <summary>
/// The call events of SFU calls for Analytics and the users' stats. Each follows one registry transition that only one
/// request can win (creating the room's live call, a user's first device joining, a user leaving, the last one ending
/// it, a sweep ending the calls of a lost node), so each is published once.
/// </summary>
public sealed class CallAnnouncer(IBus bus, CallRegistry registry, TimeProvider time)
{
    public Task StartedAsync(CallRecord call) =>
        bus.Publish(new CallStarted(call.Id, call.RoomId, call.CreatedBy, CallKinds.Sfu, "video", [], call.CreatedAt));

    public Task JoinedAsync(CallRecord call, Guid userId) =>
        bus.Publish(new CallParticipantJoined(call.Id, userId, time.GetUtcNow()));

    /// <summary>Takes <paramref name="userId"/> out of the call (one device of it, when given) and says so; the last one out ends it.</summary>
    public async Task<LeaveOutcome> LeaveAsync(CallRecord call, Guid userId, Guid? participantId = null)
    {
        var now = time.GetUtcNow();
        var outcome = await registry.LeaveAsync(call, userId, now, participantId);
        if (outcome == LeaveOutcome.NotInCall)
        {
            return outcome;
        }

        await bus.Publish(new CallParticipantLeft(call.Id, userId, now));
        if (outcome == LeaveOutcome.LeftAndEnded)
        {
            await EndedAsync(call, now, CallOutcomes.Completed, reason: null);
        }

        return outcome;
    }

    /// <summary>
    /// Ends a call whose media is gone for <paramref name="reason"/>: everyone still in it left, and the call failed. Only
    /// the first of concurrent sweeps ends it (returns true) and says so.
    /// </summary>
    public async Task<bool> AbandonAsync(CallRecord call, string reason)
    {
        var now = time.GetUtcNow();
        if (await registry.AbandonAsync(call, now, reason) is not { } stranded)
        {
            return false;
        }

        foreach (var userId in stranded)
        {
            await bus.Publish(new CallParticipantLeft(call.Id, userId, now));
        }

        await EndedAsync(call, now, CallOutcomes.Failed, reason);
        return true;
    }

    private async Task EndedAsync(CallRecord call, DateTimeOffset now, string outcome, string? reason)
    {
        var (everyone, peak) = await registry.SummaryAsync(call.Id);
        var duration = (long)(now - call.CreatedAt).TotalSeconds;
        await bus.Publish(new CallEnded(call.Id, everyone, duration, now, outcome, CallKinds.Sfu, peak, reason));
    }
}
