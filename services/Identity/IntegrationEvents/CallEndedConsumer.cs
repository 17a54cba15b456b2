using MassTransit;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Data;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Identity.IntegrationEvents;

/// <summary>Counts a completed call, and its duration, in every participant's stats (once per message id); missed, rejected, cancelled and failed calls are not counted.</summary>
public sealed class CallEndedConsumer : IdempotentConsumer<CallEnded, IdentityDbContext>
{
    protected override async Task HandleAsync(ConsumeContext<CallEnded> context, IdentityDbContext db, CancellationToken ct)
    {
        var call = context.Message;
        if (call.Outcome != CallOutcomes.Completed)
        {
            return;
        }

        var participants = call.ParticipantIds.Distinct().ToList();
        var seconds = Math.Max(0, call.DurationSeconds);
        await db.Users.Where(u => participants.Contains(u.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.Stats.TotalCalls, u => u.Stats.TotalCalls + 1)
            .SetProperty(u => u.Stats.TotalCallDuration, u => u.Stats.TotalCallDuration + seconds), ct);
    }
}
