namespace WebRtcChat.Contracts;

/// <summary><paramref name="UserId"/> has read a room up to and including <paramref name="UpToMessageId"/>.</summary>
public sealed record MessagesRead(
    Guid RoomId, Guid UserId, Guid UpToMessageId, long UpToSeq, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
