namespace WebRtcChat.Contracts;

/// <summary>A group room's name or topic changed; <paramref name="MemberIds"/> are who should see the change.</summary>
public sealed record RoomUpdated(
    Guid RoomId, string Name, string? Topic, Guid UpdatedBy, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
