namespace WebRtcChat.Messaging.Rooms;

/// <summary>The <c>Messaging</c> configuration section.</summary>
public sealed class MessagingOptions
{
    public const string Section = "Messaging";

    /// <summary>The most members a group room may have, its creator included.</summary>
    public int MaxGroupMembers { get; set; } = 256;

    /// <summary>Rooms up to this size list each reader of a message with the time; larger rooms give only counts.</summary>
    public int ReadByDetailMaxMembers { get; set; } = 50;
}
