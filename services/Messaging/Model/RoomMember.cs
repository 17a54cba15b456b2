namespace WebRtcChat.Messaging.Model;

/// <summary>A user's membership of a room and their role in it.</summary>
public sealed class RoomMember
{
    public Guid RoomId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>One of <see cref="RoomRoles"/>.</summary>
    public required string Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }
}
