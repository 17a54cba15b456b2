using MassTransit;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.ServiceDefaults.Tests.Support;

public sealed class NoteAddedConsumer : IdempotentConsumer<NoteAdded, TestDbContext>
{
    protected override Task HandleAsync(ConsumeContext<NoteAdded> context, TestDbContext db, CancellationToken ct)
    {
        db.ReceivedNotes.Add(new ReceivedNote { Id = Guid.CreateVersion7(), NoteId = context.Message.NoteId, MessageId = context.MessageId });
        return Task.CompletedTask;
    }
}
