namespace WebRtcChat.Contracts;

/// <summary><paramref name="UserId"/> joined the room with <paramref name="Role"/>; <paramref name="MemberIds"/> are the members afterwards.</summary>
public sealed record RoomMemberAdded(
    Guid RoomId, Guid UserId, string Role, Guid AddedBy, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
