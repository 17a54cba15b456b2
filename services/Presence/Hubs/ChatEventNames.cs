namespace WebRtcChat.Presence.Hubs;

/// <summary>
/// The client methods the hub calls: one per chat event (the argument is the event as Messaging published it), and the
/// typing indicators.
/// </summary>
public static class ChatEventNames
{
    public const string MessageSent = "message-sent";
    public const string MessageEdited = "message-edited";
    public const string MessageDeleted = "message-deleted";
    public const string ReactionChanged = "reaction-changed";
    public const string MessagesRead = "messages-read";
    public const string MessageDelivered = "message-delivered";
    public const string RoomCreated = "room-created";
    public const string RoomUpdated = "room-updated";
    public const string RoomMemberAdded = "room-member-added";
    public const string RoomMemberRemoved = "room-member-removed";
    public const string TypingStarted = "typing-started";
    public const string TypingStopped = "typing-stopped";
    public const string PresenceChanged = "presence-changed";
}
