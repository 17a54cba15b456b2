namespace WebRtcChat.Messaging.Apis;

/// <summary>POST /api/rooms: <c>type</c> "direct" (exactly one other member) or "group" (a name, any members up to the limit).</summary>
public sealed record CreateRoomRequest(string? Type, string? Name, string? Topic, IReadOnlyList<Guid>? MemberIds);

/// <summary>PATCH /api/rooms/{id}: only the fields present change.</summary>
public sealed record UpdateRoomRequest(string? Name, string? Topic);

/// <summary>PATCH /api/rooms/{id}/members/{userId}: owner, admin or member.</summary>
public sealed record ChangeRoleRequest(string? Role);

/// <summary>
/// A room as listed for the caller: their role, the newest message (null before the first; content null once deleted),
/// how many messages they have not read and their read position (a message sequence number).
/// </summary>
public sealed record RoomSummary(
    Guid Id, string Type, string? Name, string? Topic, Guid CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset LastActivityAt, string Role, int MemberCount, LastMessageDto? LastMessage, long UnreadCount, long LastReadSeq);

/// <summary>The newest message of a room, as a room list shows it.</summary>
public sealed record LastMessageDto(Guid Id, Guid Sender, string MessageType, string? Content, bool Encrypted, DateTimeOffset CreatedAt);

public sealed record RoomMemberDto(Guid UserId, string? Username, string? DisplayName, string Role, DateTimeOffset JoinedAt);

/// <summary>GET /api/rooms/{id}: the room and everyone in it.</summary>
public sealed record RoomDetails(
    Guid Id, string Type, string? Name, string? Topic, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset LastActivityAt, string Role, IReadOnlyList<RoomMemberDto> Members);
