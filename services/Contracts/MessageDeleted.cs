namespace WebRtcChat.Contracts;

/// <summary>A message was deleted (by its author or a room admin); only its tombstone remains.</summary>
public sealed record MessageDeleted(
    Guid MessageId, Guid RoomId, Guid DeletedBy, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
