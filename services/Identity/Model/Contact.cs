namespace WebRtcChat.Identity.Model;

/// <summary><see cref="OwnerId"/> keeps <see cref="ContactId"/> in their contacts (one direction).</summary>
public sealed class Contact
{
    public Guid OwnerId { get; set; }

    public Guid ContactId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
