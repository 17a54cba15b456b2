namespace WebRtcChat.Presence.Status;

/// <summary>The <c>Presence</c> configuration section (status part).</summary>
public sealed class PresenceOptions
{
    public const string Section = "Presence";

    /// <summary>A connection counts as alive this long after its instance last vouched for it (a crashed instance stops vouching).</summary>
    public TimeSpan ConnectionTtl { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each instance vouches for its connections and looks for users whose last connection is gone.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>A user stays online this long after their last connection closed (a page reload is not a sign-off).</summary>
    public TimeSpan OfflineGrace { get; set; } = TimeSpan.FromSeconds(5);
}
