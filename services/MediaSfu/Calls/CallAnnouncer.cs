using MassTransit;
using WebRtcChat.Contracts;

namespace WebRtcChat.MediaSfu.Calls;

/// <summary>
/// The call events of SFU calls for Analytics and the users' stats. Each follows one registry transition that only one
/// request can win (creating the room's live call, a user's first device joining, a user leaving, the last one ending
/// it), so each is published once.
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
            var (everyone, peak) = await registry.SummaryAsync(call.Id);
            var duration = (long)(now - call.CreatedAt).TotalSeconds;
            await bus.Publish(new CallEnded(call.Id, everyone, duration, now, CallOutcomes.Completed, CallKinds.Sfu, peak));
        }

        return outcome;
    }
}
