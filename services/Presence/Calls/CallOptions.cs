namespace WebRtcChat.Presence.Calls;

/// <summary>The <c>Presence:Calls</c> configuration section.</summary>
public sealed class CallOptions
{
    public const string Section = "Presence:Calls";

    /// <summary>How long invitees are rung before the call counts as missed for them.</summary>
    public TimeSpan RingTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A participant whose call connection closed is still in the call this long, to rejoin after a reconnect.</summary>
    public TimeSpan LeaveGrace { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each instance looks for due ring timeouts and leave graces (any instance may handle any call).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most users in a mesh call; one more and the call moves to the SFU.</summary>
    public int MaxMeshParticipants { get; set; } = 4;

    /// <summary>How many calls each user's history keeps (newest first).</summary>
    public int HistoryLimit { get; set; } = 100;
}
