namespace WebRtcChat.Messaging.Apis;

/// <summary>POST /api/rooms: <c>type</c> "direct" (exactly one other member) or "group" (a name, any members up to the limit).</summary>
public sealed record CreateRoomRequest(string? Type, string? Name, string? Topic, IReadOnlyList<Guid>? MemberIds);

/// <summary>PATCH /api/rooms/{id}: only the fields present change.</summary>
public sealed record UpdateRoomRequest(string? Name, string? Topic);

/// <summary>PATCH /api/rooms/{id}/members/{userId}: owner, admin or member.</summary>
public sealed record ChangeRoleRequest(string? Role);

/// <summary>A room as listed for the caller, with the caller's role in it.</summary>
public sealed record RoomSummary(
    Guid Id, string Type, string? Name, string? Topic, Guid CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt, string Role, int MemberCount);

public sealed record RoomMemberDto(Guid UserId, string? Username, string? DisplayName, string Role, DateTimeOffset JoinedAt);

/// <summary>GET /api/rooms/{id}: the room and everyone in it.</summary>
public sealed record RoomDetails(
    Guid Id, string Type, string? Name, string? Topic, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset LastActivityAt, string Role, IReadOnlyList<RoomMemberDto> Members);
