namespace WebRtcChat.Messaging.Model;

/// <summary>Messaging's copy of a block from Identity: the blocked user cannot open a direct room with, or message, the blocker.</summary>
public sealed class UserBlock
{
    public Guid BlockerId { get; set; }

    public Guid BlockedId { get; set; }
}
