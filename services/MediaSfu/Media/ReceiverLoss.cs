namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The loss one subscriber reports on one stream, over enough packets to act on. A receiver report's own fraction
/// covers only the packets since the previous report (a handful at a low layer, so one loss reads as 20-33%); this
/// takes the difference of the cumulative counts across at least <see cref="MinimumPackets"/> expected packets.
/// A stream whose reports stopped advancing (its video paused: a browser goes on reporting a silent stream for
/// seconds) reports no loss after <see cref="Stale"/>.
/// </summary>
public sealed class ReceiverLoss
{
    public const int MinimumPackets = 50;
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private (uint Highest, int Lost)? windowStart;
    private uint highest;
    private long advancedAt;
    private ReportedLoss latest = ReportedLoss.None;

    /// <summary>A receiver report block's extended highest sequence number and cumulative loss, received at <paramref name="at"/>.</summary>
    public void Report(uint extendedHighest, int cumulativeLost, long at)
    {
        lock (gate)
        {
            if (advancedAt == 0 || extendedHighest != highest)
            {
                (highest, advancedAt) = (extendedHighest, at);
            }

            if (windowStart is not { } start || extendedHighest < start.Highest)
            {
                windowStart = (extendedHighest, cumulativeLost);
                return;
            }

            var expected = extendedHighest - start.Highest;
            if (expected >= MinimumPackets)
            {
                latest = new ReportedLoss(Math.Clamp((cumulativeLost - start.Lost) / (double)expected, 0, 1), latest.Measurement + 1);
                windowStart = (extendedHighest, cumulativeLost);
            }
        }
    }

    /// <summary>The loss over the latest full window; none before there is one or once the stream stopped advancing.</summary>
    public ReportedLoss Latest(TimeProvider time)
    {
        lock (gate)
        {
            return advancedAt != 0 && time.GetElapsedTime(advancedAt) < Stale ? latest : latest with { Fraction = 0 };
        }
    }
}
