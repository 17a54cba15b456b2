namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// How much video a subscriber can receive, from its latest REMB (draft-alvestrand-rmcat-remb) and the loss it reports.
/// A browser's REMB estimates its video streams only (libwebrtc leaves audio to send-side estimation), so it is a video
/// budget, and one that only grows with what it is sent: it is the limit only when we send video and it says the link
/// is full (below what we send plus headroom); with no video flowing it measures nothing. After we switch it up a layer
/// its estimate lags: Chrome's climbs about 2% every 250 ms (8% a second; its first REMB comes ~5 s into a stream, near
/// what arrived then), so for <see cref="ClimbTime"/> after a switch up a REMB below what we send limits only when it
/// falls (the receiver saw its queue grow); otherwise every switch up would fall back a layer within a second. Loss above
/// <see cref="HighLoss"/> on the video cuts the video as GCC's loss-based controller does (by half the loss), once per
/// loss measurement: planning runs several times a second, and re-cutting what is sent after the previous cut took
/// effect with the same figure would compound it down to a paused video. Each limit stays for
/// <see cref="HoldAfterLimit"/>, so the selection does not bounce straight back up; after it, video resumes.
/// </summary>
public sealed class DownlinkEstimate(TimeProvider time)
{
    public static readonly TimeSpan RembLifetime = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan HoldAfterLimit = TimeSpan.FromSeconds(10);
    public const double Headroom = 1.2;
    public const double HighLoss = 0.10;

    /// <summary>How long after a switch up the receiver's estimate is given to climb to what it is now sent.</summary>
    public static readonly TimeSpan ClimbTime = TimeSpan.FromSeconds(15);

    /// <summary>A REMB this far under the previous one (still fresh) is falling.</summary>
    public const double FallingBelow = 0.98;

    private readonly Lock gate = new();
    private double rembKbps;
    private long rembAt;
    private bool rembFalling;
    private long switchedUpAt;
    private double rembLimitKbps;
    private long rembLimitedAt;
    private double lossLimitKbps;
    private long lossLimitedAt;
    private long lossMeasurementCut;
    private double? latestBudget;

    /// <summary>The subscriber's latest REMB in kbit/s; null when none arrived lately.</summary>
    public double? RembKbps
    {
        get
        {
            lock (gate)
            {
                return IsFresh(rembAt, RembLifetime) ? rembKbps : null;
            }
        }
    }

    /// <summary>What the latest <see cref="Budget"/> answered: the kbit/s its videos were planned within; null when not limited.</summary>
    public double? LatestBudgetKbps
    {
        get
        {
            lock (gate)
            {
                return latestBudget;
            }
        }
    }

    public void Remb(ulong bitsPerSecond)
    {
        lock (gate)
        {
            var kbps = bitsPerSecond / 1000.0;
            rembFalling = IsFresh(rembAt, RembLifetime) && kbps < rembKbps * FallingBelow;
            (rembKbps, rembAt) = (kbps, time.GetTimestamp());
        }
    }

    /// <summary>Its video was just switched up a layer (or resumed): its estimate has to climb to the new rate.</summary>
    public void SwitchedUp()
    {
        lock (gate)
        {
            switchedUpAt = time.GetTimestamp();
        }
    }

    /// <summary>The kbit/s its videos may use together; null when its bandwidth is not the limit now.</summary>
    /// <param name="videoKbps">The video we send it now (0 while its video is paused).</param>
    /// <param name="videoLoss">The highest loss it reports on a video stream, and which measurement that is.</param>
    public double? Budget(double videoKbps, ReportedLoss videoLoss)
    {
        lock (gate)
        {
            var byRemb = ByRemb(videoKbps);
            var byLoss = ByLoss(videoKbps, videoLoss);
            return latestBudget = byRemb is { } a && byLoss is { } b ? Math.Min(a, b) : byRemb ?? byLoss;
        }
    }

    private double? ByRemb(double videoKbps)
    {
        var remb = videoKbps > 0 && IsFresh(rembAt, RembLifetime) ? rembKbps : (double?)null;
        var climbing = IsFresh(switchedUpAt, ClimbTime) && !rembFalling;
        if (remb is { } estimate && estimate < videoKbps * Headroom && !climbing)
        {
            (rembLimitKbps, rembLimitedAt, switchedUpAt) = (estimate, time.GetTimestamp(), 0);
            return estimate;
        }

        return IsFresh(rembLimitedAt, HoldAfterLimit) ? remb ?? rembLimitKbps : null;
    }

    private double? ByLoss(double videoKbps, ReportedLoss videoLoss)
    {
        if (videoKbps > 0 && videoLoss.Fraction > HighLoss && videoLoss.Measurement != lossMeasurementCut)
        {
            (lossLimitKbps, lossLimitedAt, lossMeasurementCut) = (videoKbps * (1 - (videoLoss.Fraction / 2)), time.GetTimestamp(), videoLoss.Measurement);
        }

        return IsFresh(lossLimitedAt, HoldAfterLimit) ? lossLimitKbps : null;
    }

    private bool IsFresh(long at, TimeSpan lifetime) => at != 0 && time.GetElapsedTime(at) < lifetime;
}
