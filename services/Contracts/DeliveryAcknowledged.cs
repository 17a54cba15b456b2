namespace WebRtcChat.Contracts;

/// <summary>
/// <paramref name="UserId"/>'s client told the hub it received <paramref name="RoomId"/>'s messages up to and including
/// <paramref name="UpToMessageId"/>. Presence publishes it; Messaging moves the delivery position and announces
/// <see cref="MessageDelivered"/>.
/// </summary>
public sealed record DeliveryAcknowledged(Guid RoomId, Guid UserId, Guid UpToMessageId, DateTimeOffset OccurredAt) : IIntegrationEvent;
