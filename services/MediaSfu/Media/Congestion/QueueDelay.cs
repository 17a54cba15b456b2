namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>
/// How long packets on the way to a subscriber waited in queues: a packet's one-way delay (its arrival on the
/// subscriber's clock less its send time on ours; the clocks' offset cancels out) above the smallest delay of the last
/// <see cref="WindowSeconds"/> seconds, which stands for the path with empty queues.
/// </summary>
internal sealed class QueueDelay
{
    public const int WindowSeconds = 10;

    private readonly Bucket[] minima = new Bucket[WindowSeconds];

    public QueueDelay() => Array.Fill(minima, new Bucket(long.MinValue, long.MaxValue));

    /// <summary>Records a packet's delay; returns its queueing delay in µs.</summary>
    public long Observe(long sentMicroseconds, long arrivalMicroseconds)
    {
        var delay = arrivalMicroseconds - sentMicroseconds;
        var second = sentMicroseconds / 1_000_000;
        ref var bucket = ref minima[(int)(second % WindowSeconds)];
        bucket = bucket.Second == second ? bucket with { Min = Math.Min(bucket.Min, delay) } : new Bucket(second, delay);
        var floor = delay;
        foreach (var (at, min) in minima)
        {
            if (at > second - WindowSeconds && at <= second)
            {
                floor = Math.Min(floor, min);
            }
        }

        return delay - floor;
    }

    private readonly record struct Bucket(long Second, long Min);
}
