using System.Diagnostics;

namespace WebRtcChat.Bench;

/// <summary>
/// Operation count, rate and latency percentiles of one measured phase, and the CPU time this process used meanwhile
/// (where clients and the services run in one process: a cost per operation that holds even when the machine is busy).
/// </summary>
public sealed record Latencies(int Count, int Failures, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

    public TimeSpan ProcessCpu { get; init; }

    public double CpuMsPerOperation => ProcessCpu.TotalMilliseconds / Math.Max(1, Count + Failures);

    /// <summary>From <see cref="Stopwatch"/> tick counts, one per successful operation.</summary>
    public static Latencies From(List<long> ticks, int failures, TimeSpan elapsed)
    {
        ticks.Sort();
        double At(double quantile) => ticks.Count == 0
            ? double.NaN
            : ticks[Math.Min(ticks.Count - 1, (int)Math.Ceiling(quantile * ticks.Count) - 1)] * 1000.0 / Stopwatch.Frequency;
        return new Latencies(ticks.Count, failures, elapsed, At(0.50), At(0.95), At(0.99), At(1.0));
    }
}
