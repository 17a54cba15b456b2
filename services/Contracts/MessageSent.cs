namespace WebRtcChat.Contracts;

/// <summary>
/// <paramref name="SenderId"/> posted message <paramref name="MessageId"/> in room <paramref name="RoomId"/> with
/// <paramref name="AttachmentCount"/> files attached. Identity counts it in the sender's stats (messages, files shared).
/// </summary>
public sealed record MessageSent(Guid MessageId, Guid SenderId, Guid RoomId, int AttachmentCount, DateTimeOffset OccurredAt) : IIntegrationEvent;
