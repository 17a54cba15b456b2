using WebRtcChat.WebRtc.Transport;

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
    ServerCounters? Counters)
{
    /// <summary>The load generator's own CPU time over the window (this process; the same cores as the server).</summary>
    public TimeSpan ClientCpu { get; init; }

    /// <summary>CPU time the hypervisor took from this machine over the window (all its CPUs): a run it hit reads slower.</summary>
    public TimeSpan StolenCpu { get; init; }

    /// <summary>Video latency from the publisher's send to the kernel's arrival stamp at the subscriber's socket: the server's part, without the subscriber's scheduling.</summary>
    public required Latencies ArrivalLatency { get; init; }

    public double PacketsPerSecond => Received / Window.TotalSeconds;

    public double ReceivedMbps => ReceivedBytes * 8 / Window.TotalSeconds / 1e6;

    public double LossPercent => Expected == 0 ? 0 : 100.0 * Math.Max(0, Expected - Received) / Expected;

    public double PacketsPerCpuSecond => Received / Math.Max(0.01, ServerCpu.TotalSeconds);

    public double ServerCores => ServerCpu.TotalSeconds / Window.TotalSeconds;

    public double AllocatedBytesPerPacket => Counters is null ? double.NaN : Counters.AllocatedBytes / (double)Math.Max(1, Received);

    public double Gen0PerMillionPackets => Counters is null ? double.NaN : Counters.Gen0Collections * 1e6 / Math.Max(1, Received);

    /// <summary>The server's own forwarding latency (a packet's arrival at its socket to its last copy sent) at <paramref name="quantile"/>, in ms; NaN when the server does not count it.</summary>
    public double InServerMs(double quantile) => QuantileMs(Counters?.ForwardingLatency, quantile);

    /// <summary>Of <see cref="InServerMs"/>, the handling alone (from the packet being read to its last copy sent), in ms; NaN when not counted.</summary>
    public double HandlingMs(double quantile) => QuantileMs(Counters?.Handling, quantile);

    private static double QuantileMs(long[]? counts, double quantile) => counts is null ? double.NaN : LatencyHistogram.Quantile(counts, quantile).TotalMilliseconds;
}
