using MassTransit;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Model;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Messaging.Consumers;

/// <summary>Records a block so the blocked user can no longer open a direct room with (or message) the blocker.</summary>
public sealed class UserBlockedConsumer : IdempotentConsumer<UserBlocked, MessagingDbContext>
{
    protected override async Task HandleAsync(ConsumeContext<UserBlocked> context, MessagingDbContext db, CancellationToken ct)
    {
        var (blocker, blocked) = (context.Message.BlockerId, context.Message.BlockedId);
        if (!await db.Blocks.AnyAsync(b => b.BlockerId == blocker && b.BlockedId == blocked, ct))
        {
            db.Blocks.Add(new UserBlock { BlockerId = blocker, BlockedId = blocked });
        }
    }
}
