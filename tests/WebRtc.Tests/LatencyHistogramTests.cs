using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests;

/// <summary>Durations counted into 10 µs / 100 µs / 1 ms buckets; quantiles read back as bucket upper bounds, also between two snapshots.</summary>
public sealed class LatencyHistogramTests
{
    [Fact]
    public void Quantiles_are_the_upper_bound_of_the_bucket_that_holds_them()
    {
        var histogram = new LatencyHistogram();
        foreach (var micros in new[] { 0, 5, 9, 10, 995 })
        {
            histogram.Record(TimeSpan.FromMicroseconds(micros));
        }

        histogram.Record(TimeSpan.FromMicroseconds(1_450));
        histogram.Record(TimeSpan.FromMilliseconds(20.2));
        histogram.Record(TimeSpan.FromSeconds(3));
        histogram.Record(TimeSpan.FromMicroseconds(-4)); // a clock step back counts as no time

        var counts = histogram.Snapshot();
        Assert.Equal(9, counts.Sum());
        Assert.Equal(TimeSpan.FromMicroseconds(10), LatencyHistogram.Quantile(counts, 0)); // 0, 5, 9 and -4 share the first bucket
        Assert.Equal(TimeSpan.FromMicroseconds(20), LatencyHistogram.Quantile(counts, 0.5)); // the 5th of 9
        Assert.Equal(TimeSpan.FromMicroseconds(1_000), LatencyHistogram.Quantile(counts, 0.6));
        Assert.Equal(TimeSpan.FromMicroseconds(1_500), LatencyHistogram.Quantile(counts, 0.75));
        Assert.Equal(TimeSpan.FromMilliseconds(21), LatencyHistogram.Quantile(counts, 0.85));
        Assert.Equal(TimeSpan.FromMilliseconds(100), LatencyHistogram.Quantile(counts, 1)); // past the last bucket: "100 ms or more"
    }

    [Fact]
    public void Nothing_counted_reads_as_zero_and_two_snapshots_subtract_into_what_came_between()
    {
        var histogram = new LatencyHistogram();
        Assert.Equal(TimeSpan.Zero, LatencyHistogram.Quantile(histogram.Snapshot(), 0.99));

        histogram.Record(TimeSpan.FromMilliseconds(5));
        var before = histogram.Snapshot();
        histogram.Record(TimeSpan.FromMicroseconds(42));
        var between = histogram.Snapshot().Zip(before, (now, then) => now - then).ToArray();

        Assert.Equal(1, between.Sum());
        Assert.Equal(TimeSpan.FromMicroseconds(50), LatencyHistogram.Quantile(between, 0.99));
        Assert.Equal(5_100, LatencyHistogram.Quantile(histogram.Snapshot(), 1).TotalMicroseconds);
    }
}
