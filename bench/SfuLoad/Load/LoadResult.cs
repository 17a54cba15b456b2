namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>What one run against one server measured over its window.</summary>
public sealed record LoadResult(
    string Server,
    TimeSpan Window,
    long Expected,
    long Received,
    long ReceivedBytes,
    Latencies Latency,
    TimeSpan ServerCpu,
    double ServerRssMb,
    ManagedCounters? Managed)
{
    /// <summary>The load generator's own CPU time over the window (this process; the same cores as the server).</summary>
    public TimeSpan ClientCpu { get; init; }

    /// <summary>Video latency from the publisher's send to the kernel's arrival stamp at the subscriber's socket: the server's part, without the subscriber's scheduling.</summary>
    public required Latencies ArrivalLatency { get; init; }

    public double PacketsPerSecond => Received / Window.TotalSeconds;

    public double ReceivedMbps => ReceivedBytes * 8 / Window.TotalSeconds / 1e6;

    public double LossPercent => Expected == 0 ? 0 : 100.0 * Math.Max(0, Expected - Received) / Expected;

    public double PacketsPerCpuSecond => Received / Math.Max(0.01, ServerCpu.TotalSeconds);

    public double ServerCores => ServerCpu.TotalSeconds / Window.TotalSeconds;

    public double AllocatedBytesPerPacket => Managed is null ? double.NaN : Managed.AllocatedBytes / (double)Math.Max(1, Received);

    public double Gen0PerMillionPackets => Managed is null ? double.NaN : Managed.Gen0Collections * 1e6 / Math.Max(1, Received);
}
