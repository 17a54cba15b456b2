using MassTransit;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Data;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Identity.IntegrationEvents;

/// <summary>Counts a sent message, and its attachments as files shared, in the sender's stats (once per message id).</summary>
public sealed class MessageSentConsumer : IdempotentConsumer<MessageSent, IdentityDbContext>
{
    protected override async Task HandleAsync(ConsumeContext<MessageSent> context, IdentityDbContext db, CancellationToken ct)
    {
        var message = context.Message;
        var files = Math.Max(0, message.AttachmentCount);
        await db.Users.Where(u => u.Id == message.SenderId).ExecuteUpdateAsync(set => set
            .SetProperty(u => u.Stats.MessagesCount, u => u.Stats.MessagesCount + 1)
            .SetProperty(u => u.Stats.FilesShared, u => u.Stats.FilesShared + files), ct);
    }
}
