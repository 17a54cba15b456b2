namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// How much a subscriber can receive: its latest REMB (draft-alvestrand-rmcat-remb) or, without one, what we send it
/// less what its receiver reports say is lost. A receiver's estimate only grows with what it is sent, so it is taken
/// as the limit only when it says the link is full (below what we send plus headroom) or loss is high; after that it
/// stays the limit for a while, so the selection does not bounce straight back up.
/// </summary>
public sealed class DownlinkEstimate(TimeProvider time)
{
    public static readonly TimeSpan RembLifetime = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan HoldAfterLimit = TimeSpan.FromSeconds(10);
    public const double Headroom = 1.2;
    public const double HighLoss = 0.10;

    private readonly Lock gate = new();
    private double rembKbps;
    private long rembAt;
    private double limitKbps;
    private long limitedAt;

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

    public void Remb(ulong bitsPerSecond)
    {
        lock (gate)
        {
            rembKbps = bitsPerSecond / 1000.0;
            rembAt = time.GetTimestamp();
        }
    }

    /// <summary>The kbit/s all its streams may use; null when its bandwidth is not the limit now.</summary>
    /// <param name="sendingKbps">What we send it now.</param>
    /// <param name="fractionLost">The highest loss its receiver reports show.</param>
    public double? Budget(double sendingKbps, double fractionLost)
    {
        lock (gate)
        {
            var remb = IsFresh(rembAt, RembLifetime) ? rembKbps : (double?)null;
            double? limit = remb is { } estimate
                ? (estimate < sendingKbps * Headroom ? estimate : null)
                : (fractionLost > HighLoss ? sendingKbps * (1 - fractionLost) : null);
            if (limit is { } binding)
            {
                (limitKbps, limitedAt) = (binding, time.GetTimestamp());
                return binding;
            }

            return IsFresh(limitedAt, HoldAfterLimit) ? remb ?? limitKbps : null;
        }
    }

    private bool IsFresh(long at, TimeSpan lifetime) => at != 0 && time.GetElapsedTime(at) < lifetime;
}
