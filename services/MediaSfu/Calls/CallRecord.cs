namespace WebRtcChat.MediaSfu.Calls;

/// <summary>A group call of a room, hosted by SFU node <paramref name="Node"/>; <paramref name="EndedAt"/> once its last participant left.</summary>
public sealed record CallRecord(Guid Id, Guid RoomId, Guid CreatedBy, DateTimeOffset CreatedAt, string Node, DateTimeOffset? EndedAt);
