namespace WebRtcChat.MediaSfu.Calls;

/// <summary>
/// A group call of a room, hosted by SFU node <paramref name="Node"/>; <paramref name="EndedAt"/> once its last participant
/// left, or once its node was lost (<paramref name="EndReason"/> says so: one of <c>CallEndReasons</c>).
/// </summary>
public sealed record CallRecord(Guid Id, Guid RoomId, Guid CreatedBy, DateTimeOffset CreatedAt, string Node, DateTimeOffset? EndedAt, string? EndReason = null);
