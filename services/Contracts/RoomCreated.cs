namespace WebRtcChat.Contracts;

/// <summary>A room was created; <paramref name="Kind"/> is "direct" or "group", <paramref name="MemberIds"/> everyone in it.</summary>
public sealed record RoomCreated(
    Guid RoomId, string Kind, string? Name, Guid CreatedBy, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
