namespace WebRtcChat.Contracts;

/// <summary>
/// <paramref name="UserId"/> left or was removed (<paramref name="RemovedBy"/> is the user themself when they left);
/// <paramref name="MemberIds"/> are the members afterwards, <paramref name="NewOwnerId"/> set when ownership passed on.
/// </summary>
public sealed record RoomMemberRemoved(
    Guid RoomId, Guid UserId, Guid RemovedBy, Guid? NewOwnerId, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
