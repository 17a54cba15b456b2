namespace WebRtcChat.Messaging.Model;

/// <summary>
/// A member read messages <see cref="FromSeq"/>..<see cref="ToSeq"/> of a room at <see cref="ReadAt"/>: one row per
/// advance of their read position, from which each message's read-by list and times are derived.
/// </summary>
public sealed class ReadMark
{
    public Guid RoomId { get; set; }

    public Guid UserId { get; set; }

    public long FromSeq { get; set; }

    public long ToSeq { get; set; }

    public DateTimeOffset ReadAt { get; set; }
}
