namespace WebRtcChat.Messaging.Model;

/// <summary>A user's membership of a room and their role in it.</summary>
public sealed class RoomMember
{
    public Guid RoomId { get; set; }

    public Guid UserId { get; set; }

    /// <summary>One of <see cref="RoomRoles"/>.</summary>
    public required string Role { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>The member has read every message up to this sequence number (their own messages count as read).</summary>
    public long LastReadSeq { get; set; }

    /// <summary>The member's client has received every message up to this sequence number.</summary>
    public long LastDeliveredSeq { get; set; }
}
