namespace WebRtcChat.Messaging.Model;

/// <summary>
/// A message in a room. <see cref="Seq"/> numbers a room's messages in commit order (assigned under the room's row lock),
/// so "everything after message X" never skips a message that committed late. Deleting keeps a tombstone for ordering.
/// </summary>
public sealed class Message
{
    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    public long Seq { get; set; }

    public Guid SenderId { get; set; }

    /// <summary>The sender's id for this message, so a retried send returns the original (unique per room and sender).</summary>
    public string? ClientMessageId { get; set; }

    /// <summary>One of <see cref="MessageTypes"/>.</summary>
    public required string Type { get; set; }

    /// <summary>As sent (clients escape when rendering); empty once deleted.</summary>
    public string Content { get; set; } = string.Empty;

    /// <summary>End-to-end encrypted content: stored and relayed, never indexed or parsed.</summary>
    public bool Encrypted { get; set; }

    public Guid? ReplyTo { get; set; }

    /// <summary>Members named with @username in the content.</summary>
    public List<Guid> Mentions { get; set; } = [];

    /// <summary>The files of a voice, file, image or video message (JSONB); emptied when the message is deleted.</summary>
    public List<Attachment> Attachments { get; set; } = [];

    /// <summary>Earlier versions of the content, oldest first (JSONB).</summary>
    public List<EditRecord> EditHistory { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    public DateTimeOffset? DeletedAt { get; set; }

    public Guid? DeletedBy { get; set; }
}
