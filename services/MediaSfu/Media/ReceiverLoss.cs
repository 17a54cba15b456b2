namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The loss one subscriber reports on one stream, over enough packets to act on. A receiver report's own fraction
/// covers only the packets since the previous report (a handful at a low layer, so one loss reads as 20-33%); this
/// takes the difference of the cumulative counts across at least <see cref="MinimumPackets"/> expected packets.
/// A stream that stopped being reported on (its video paused) reports no loss after <see cref="Stale"/>.
/// </summary>
public sealed class ReceiverLoss
{
    public const int MinimumPackets = 50;
    public static readonly TimeSpan Stale = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private (uint Highest, int Lost)? windowStart;
    private double fraction;
    private long reportedAt;

    /// <summary>A receiver report block's extended highest sequence number and cumulative loss, received at <paramref name="at"/>.</summary>
    public void Report(uint extendedHighest, int cumulativeLost, long at)
    {
        lock (gate)
        {
            reportedAt = at;
            if (windowStart is not { } start || extendedHighest < start.Highest)
            {
                windowStart = (extendedHighest, cumulativeLost);
                return;
            }

            var expected = extendedHighest - start.Highest;
            if (expected >= MinimumPackets)
            {
                fraction = Math.Clamp((cumulativeLost - start.Lost) / (double)expected, 0, 1);
                windowStart = (extendedHighest, cumulativeLost);
            }
        }
    }

    /// <summary>The fraction lost over the latest full window; 0 before there is one or once the reports stopped.</summary>
    public double FractionLost(TimeProvider time)
    {
        lock (gate)
        {
            return reportedAt != 0 && time.GetElapsedTime(reportedAt) < Stale ? fraction : 0;
        }
    }
}
