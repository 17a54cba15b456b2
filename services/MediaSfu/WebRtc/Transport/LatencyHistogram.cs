namespace WebRtcChat.WebRtc.Transport;

/// <summary>
/// Counts durations into fixed buckets (10 µs wide below 1 ms, 100 µs below 10 ms, 1 ms below 100 ms, then one overflow
/// bucket), so one thread can record every packet without allocating and another can read the counts at any time.
/// Two snapshots subtract into the counts of the time between them.
/// </summary>
public sealed class LatencyHistogram
{
    public const int BucketCount = 281;

    private readonly long[] counts = new long[BucketCount];

    public void Record(TimeSpan duration)
    {
        Interlocked.Increment(ref counts[BucketOf(Math.Max(0, (long)duration.TotalMicroseconds))]);
    }

    /// <summary>The counts so far, bucket by bucket.</summary>
    public long[] Snapshot() => (long[])counts.Clone();

    /// <summary>
    /// The duration that <paramref name="quantile"/> (0 to 1) of the counted ones do not exceed, as its bucket's upper
    /// bound (at most 10 µs over below 1 ms); zero when nothing was counted.
    /// </summary>
    public static TimeSpan Quantile(ReadOnlySpan<long> counts, double quantile)
    {
        long total = 0;
        foreach (var count in counts)
        {
            total += count;
        }

        var wanted = Math.Max(1, (long)Math.Ceiling(total * quantile));
        long seen = 0;
        for (var bucket = 0; bucket < counts.Length && total > 0; bucket++)
        {
            seen += counts[bucket];
            if (seen >= wanted)
            {
                return TimeSpan.FromMicroseconds(UpperBound(bucket));
            }
        }

        return TimeSpan.Zero;
    }

    private static int BucketOf(long micros) => micros switch
    {
        < 1_000 => (int)(micros / 10),
        < 10_000 => 100 + (int)((micros - 1_000) / 100),
        < 100_000 => 190 + (int)((micros - 10_000) / 1_000),
        _ => BucketCount - 1,
    };

    /// <summary>The largest duration (µs) a bucket holds; the overflow bucket reports 100 ms.</summary>
    private static long UpperBound(int bucket) => bucket switch
    {
        < 100 => (bucket + 1) * 10,
        < 190 => 1_000 + ((bucket - 99) * 100),
        < 280 => 10_000 + ((bucket - 189) * 1_000),
        _ => 100_000,
    };
}
