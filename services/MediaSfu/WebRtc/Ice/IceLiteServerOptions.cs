using System.Net;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>Where the ICE-lite server listens and what it tells peers.</summary>
public sealed class IceLiteServerOptions
{
    /// <summary>The local address the one UDP socket binds to (0.0.0.0 for all interfaces).</summary>
    public IPAddress BindAddress { get; set; } = IPAddress.Any;

    /// <summary>The UDP port; 0 picks a free one.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Threads receiving on the port, each with its own socket bound to it (Linux; elsewhere one): the kernel spreads
    /// peers over them by address, so forwarding uses that many cores.
    /// </summary>
    public int ReceiveThreads { get; set; } = 1;

    /// <summary>
    /// 1-99 runs the receive threads at that real-time (SCHED_FIFO) priority, where the process may (CAP_SYS_NICE):
    /// packets no longer wait for a core behind other threads. For media nodes with cores to spare: a saturated
    /// real-time thread leaves everything else on its core only 5 % of it. 0 (the default) keeps normal priority.
    /// </summary>
    public int ReceiveThreadPriority { get; set; }

    /// <summary>
    /// Whether each receive thread gets a <see cref="Transport.FanOutHelper"/>: a thread (at the same priority) that
    /// takes part of a large fan-out, so a packet copied to many peers leaves sooner. For more than one core.
    /// </summary>
    public bool FanOutHelpers { get; set; }

    /// <summary>The address put in the host candidate, for NAT or cloud deployments; null advertises the bound address.</summary>
    public IPAddress? AdvertisedAddress { get; set; }

    /// <summary>RFC 7675: a session without a valid binding request for this long is closed.</summary>
    public TimeSpan ConsentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often sessions are checked for expired consent.</summary>
    public TimeSpan ConsentSweepInterval { get; set; } = TimeSpan.FromSeconds(1);
}
