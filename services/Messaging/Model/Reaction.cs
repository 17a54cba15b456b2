namespace WebRtcChat.Messaging.Model;

/// <summary>One user's emoji on one message (a row each, so concurrent reactions never overwrite each other).</summary>
public sealed class Reaction
{
    public Guid MessageId { get; set; }

    public Guid UserId { get; set; }

    public required string Emoji { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
