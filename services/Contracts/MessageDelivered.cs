namespace WebRtcChat.Contracts;

/// <summary><paramref name="UserId"/>'s client has received a room's messages up to and including <paramref name="UpToMessageId"/>.</summary>
public sealed record MessageDelivered(
    Guid RoomId, Guid UserId, Guid UpToMessageId, long UpToSeq, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
