using MassTransit;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Data;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Messaging.Consumers;

/// <summary>Lifts a recorded block.</summary>
public sealed class UserUnblockedConsumer : IdempotentConsumer<UserUnblocked, MessagingDbContext>
{
    protected override Task HandleAsync(ConsumeContext<UserUnblocked> context, MessagingDbContext db, CancellationToken ct) =>
        db.Blocks.Where(b => b.BlockerId == context.Message.BlockerId && b.BlockedId == context.Message.BlockedId).ExecuteDeleteAsync(ct);
}
