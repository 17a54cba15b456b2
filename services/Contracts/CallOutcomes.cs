namespace WebRtcChat.Contracts;

/// <summary>How a call ended (<see cref="CallEnded.Outcome"/>).</summary>
public static class CallOutcomes
{
    /// <summary>Someone answered; the call ran until the participants hung up.</summary>
    public const string Completed = "completed";

    /// <summary>Nobody answered before the ring timeout.</summary>
    public const string Missed = "missed";

    /// <summary>Everyone invited declined.</summary>
    public const string Rejected = "rejected";

    /// <summary>The caller gave up (or left) before anyone answered.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The call could not be set up or carried on (e.g. its participants' connections were lost).</summary>
    public const string Failed = "failed";
}

/// <summary>
/// The shape of a call (<see cref="CallStarted.Kind"/>): one callee, a room's members in a mesh (Presence), or a room's
/// group call through the SFU (MediaSfu).
/// </summary>
public static class CallKinds
{
    public const string Direct = "direct";
    public const string Mesh = "mesh";
    public const string Sfu = "sfu";
}
