namespace WebRtcChat.WebRtc.Ice;

/// <summary>Timing and gathering of the controlling <see cref="IceAgent"/>; the defaults follow RFC 8445 and RFC 7675.</summary>
public sealed class IceAgentOptions
{
    /// <summary>Gather host candidates on every non-loopback interface too (loopback is always gathered).</summary>
    public bool IncludeNonLoopback { get; set; }

    /// <summary>Ta: one new connectivity check is started per interval (RFC 8445 §14.2).</summary>
    public TimeSpan Pacing { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>The first retransmission timeout of a check; it doubles after each retransmission (RFC 8489 §6.2.1).</summary>
    public TimeSpan InitialRetransmissionTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many times a check is sent before its pair fails.</summary>
    public int MaxTransmissions { get; set; } = 5;

    /// <summary>Consent checks on the selected pair are sent this often, ±20 % (RFC 7675 §5.1).</summary>
    public TimeSpan ConsentInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Without a consent response for this long, the path is closed.</summary>
    public TimeSpan ConsentTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
