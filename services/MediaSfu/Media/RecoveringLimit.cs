namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// A cap on a subscriber's video from one signal (its REMB, or the loss it reports) and how the cap lets go. It holds
/// for a while, then grows by <see cref="GrowthPerSecond"/> (GCC's multiplicative increase), so video comes back a layer
/// at a time instead of straight to the top layer the link just failed to carry, and is dropped once it has grown
/// <see cref="LapsesAtGrowth"/> times over. Limited again while still growing, the link did not carry the next step:
/// the next hold is twice as long (up to <see cref="LongestHold"/>), so a link that cannot carry a layer is tried less
/// and less often, each try costing its audio a burst of queueing. Not thread-safe: its owner locks.
/// </summary>
public sealed class RecoveringLimit(TimeProvider time)
{
    public static readonly TimeSpan FirstHold = DownlinkEstimate.HoldAfterLimit;
    public static readonly TimeSpan LongestHold = TimeSpan.FromSeconds(80);
    public const double GrowthPerSecond = 1.08;
    public const double LapsesAtGrowth = 10;

    private double kbps;
    private double growsFrom;
    private long setAt;
    private TimeSpan hold = FirstHold;

    /// <summary>Whether the cap is within its hold (renewing it then keeps the hold's length).</summary>
    public bool IsHeld => setAt != 0 && time.GetElapsedTime(setAt) < hold;

    /// <summary>The cap now: as set while held, then growing; null when there is none (never set, or lapsed).</summary>
    public double? Kbps => IsHeld ? kbps : Grown();

    /// <summary>Caps at <paramref name="capKbps"/> from now: a new limit, or the one held renewed.</summary>
    /// <param name="growsBackFrom">Where growth starts after the hold when that is above the cap: a receiver's estimate
    /// can collapse far below what its link carries (Chrome's REMB read 18-22 kbps as video paused on a 120 kbps link),
    /// and growing from there kept video paused ~50 s.</param>
    public void Set(double capKbps, double growsBackFrom = 0)
    {
        if (!IsHeld)
        {
            hold = Grown() is null ? FirstHold : TimeSpan.FromTicks(Math.Min(hold.Ticks * 2, LongestHold.Ticks));
        }

        (kbps, growsFrom, setAt) = (capKbps, Math.Max(capKbps, growsBackFrom), time.GetTimestamp());
    }

    private double? Grown()
    {
        if (setAt == 0)
        {
            return null;
        }

        var growth = Math.Pow(GrowthPerSecond, Math.Max(0, (time.GetElapsedTime(setAt) - hold).TotalSeconds));
        return growth < LapsesAtGrowth ? growsFrom * growth : null;
    }
}
