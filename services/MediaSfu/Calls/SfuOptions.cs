namespace WebRtcChat.MediaSfu.Calls;

/// <summary>The <c>MediaSfu</c> configuration section.</summary>
public sealed class SfuOptions
{
    public const string Section = "MediaSfu";

    /// <summary>This node's name in the call registry (which node hosts a call's media).</summary>
    public string Node { get; set; } = Environment.MachineName;

    /// <summary>The one UDP port all participants' media uses (ICE-lite); 0 takes a free port at start.</summary>
    public int UdpPort { get; set; }

    /// <summary>
    /// Threads receiving and forwarding media on the UDP port (Linux; one elsewhere): the kernel spreads participants
    /// over them by address. One per core by default.
    /// </summary>
    public int ReceiveThreads { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// 1-99: the receive threads run at that real-time (SCHED_FIFO) priority, so packets never wait for a core behind
    /// other work (needs CAP_SYS_NICE; a dedicated media node). 0, the default: normal priority.
    /// </summary>
    public int ReceiveThreadPriority { get; set; }

    /// <summary>
    /// Whether each receive thread has a helper thread that takes part of a large fan-out (a packet for a dozen
    /// subscribers or more) while packets queue behind it, so its copies leave in about half the time. Unset (the
    /// default): on when the receive threads run at real-time priority on more than one core. At normal priority on
    /// shared cores the helper waits for a core like any thread, and its wake-ups cost more than it saves (measured:
    /// p99 16-20 ms against 9-13 ms, 12-29 % more CPU, bench/results/sfu-fan-out-helpers-normal-priority.md).
    /// </summary>
    public bool? FanOutHelpers { get; set; }

    /// <summary>Whether the receive threads get fan-out helpers: <see cref="FanOutHelpers"/>, or its default.</summary>
    public bool UsesFanOutHelpers => FanOutHelpers ?? (ReceiveThreadPriority > 0 && Environment.ProcessorCount > 1);

    /// <summary>The address the UDP port binds to.</summary>
    public string UdpBindAddress { get; set; } = "0.0.0.0";

    /// <summary>
    /// The address clients send media to (the candidate in every answer): set it behind NAT or in a cloud. By default
    /// the first non-loopback IPv4 address of the machine, else loopback.
    /// </summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>A participant whose ICE consent checks stop for this long is gone (RFC 7675).</summary>
    public TimeSpan ConsentTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The shortest time between two key frame requests to one publisher.</summary>
    public TimeSpan KeyframeRequestInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How many packets of each published video stream are kept to answer NACKs.</summary>
    public int RetransmissionBufferPackets { get; set; } = 512;

    /// <summary>How long a kept packet may still be resent; older ones are NACKed in vain and count as misses.</summary>
    public TimeSpan RetransmissionBufferAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long before the same packet is NACKed to a publisher again, and resent to a subscriber whose RTT is not yet known.</summary>
    public TimeSpan NackRetryInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How many times a packet lost on the way in is NACKed to its publisher before we give up on it.</summary>
    public int UpstreamNackAttempts { get; set; } = 3;

    /// <summary>The REMB a publisher first gets: high enough that a browser starts sending all its simulcast layers.</summary>
    public int PublisherStartBitrateKbps { get; set; } = 2500;

    /// <summary>The lowest and highest REMB a publisher gets.</summary>
    public int PublisherMinBitrateKbps { get; set; } = 150;

    /// <inheritdoc cref="PublisherMinBitrateKbps"/>
    public int PublisherMaxBitrateKbps { get; set; } = 6000;
}
