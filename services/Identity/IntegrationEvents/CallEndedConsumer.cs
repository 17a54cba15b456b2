using MassTransit;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Data;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Identity.IntegrationEvents;

/// <summary>Counts an ended call, and its duration, in every participant's stats (once per message id).</summary>
public sealed class CallEndedConsumer : IdempotentConsumer<CallEnded, IdentityDbContext>
{
    protected override async Task HandleAsync(ConsumeContext<CallEnded> context, IdentityDbContext db, CancellationToken ct)
    {
        var call = context.Message;
        var participants = call.ParticipantIds.Distinct().ToList();
        var seconds = Math.Max(0, call.DurationSeconds);
        await db.Users.Where(u => participants.Contains(u.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.Stats.TotalCalls, u => u.Stats.TotalCalls + 1)
            .SetProperty(u => u.Stats.TotalCallDuration, u => u.Stats.TotalCallDuration + seconds), ct);
    }
}
