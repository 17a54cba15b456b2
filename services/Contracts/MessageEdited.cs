namespace WebRtcChat.Contracts;

/// <summary>The author replaced a message's content (null when end-to-end encrypted).</summary>
public sealed record MessageEdited(
    Guid MessageId, Guid RoomId, Guid EditedBy, string? Content, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
