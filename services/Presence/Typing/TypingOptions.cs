namespace WebRtcChat.Presence.Typing;

/// <summary>The <c>Presence:Typing</c> configuration section.</summary>
public sealed class TypingOptions
{
    public const string Section = "Presence:Typing";

    /// <summary>How long an indicator lives without a refresh; clients refresh while the user keeps typing.</summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>A user's repeated "typing" in one room is passed on at most once per this interval (it still refreshes the TTL).</summary>
    public TimeSpan Throttle { get; set; } = TimeSpan.FromSeconds(2);
}
