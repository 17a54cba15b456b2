using System.Diagnostics;

namespace WebRtcChat.Bench.Identity;

/// <summary>Operation count, rate and latency percentiles of one measured phase.</summary>
internal sealed record Latencies(int Count, int Failures, TimeSpan Elapsed, double P50Ms, double P95Ms, double P99Ms, double MaxMs)
{
    public double PerSecond => Count / Elapsed.TotalSeconds;

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
