namespace WebRtcChat.Messaging.Rooms;

/// <summary>The <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>The most members a group room may have, its creator included.</summary>
    public int MaxGroupMembers { get; set; } = 256;

    /// <summary>
    /// Rooms up to this size list each reader of every message of a history page with the time; larger rooms give counts
    /// on pages and the readers of one message on request (<c>GET /api/messages/{id}/read-by</c>). 20 is where Microsoft
    /// Teams stops showing read receipts in group chats; past it a page's reader lists outweigh its messages.
    /// </summary>
    public int ReadByDetailMaxMembers { get; set; } = 20;
}
