using MassTransit;
using WebRtcChat.Contracts;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Messages;
using WebRtcChat.ServiceDefaults.EventBus;

namespace WebRtcChat.Messaging.Consumers;

/// <summary>
/// A client acknowledged, through the hub, that it received a room's messages: the member's delivery position moves and
/// <see cref="MessageDelivered"/> tells the senders. Acknowledgements from non-members or for unknown messages are dropped.
/// </summary>
public sealed class DeliveryAcknowledgedConsumer : IdempotentConsumer<DeliveryAcknowledged, MessagingDbContext>
{
    protected override Task HandleAsync(ConsumeContext<DeliveryAcknowledged> context, MessagingDbContext db, CancellationToken ct)
    {
        var ack = context.Message;
        var now = context.GetServiceOrCreateInstance<TimeProvider>().GetUtcNow();
        return Receipts.ApplyAsync(db, ack.RoomId, ack.UserId, ack.UpToMessageId, read: false, now, ct);
    }
}
