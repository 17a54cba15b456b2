namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// How much a subscriber can receive, from its latest REMB (draft-alvestrand-rmcat-remb) and the loss it reports. A
/// receiver's estimate only grows with what it is sent, so it is the limit only when we send it video and it says the
/// link is full (below what we send plus headroom); with no video flowing it measures the audio, not the link. Loss
/// above <see cref="HighLoss"/> cuts what we send as GCC's loss-based controller does (by half the loss). A limit then
/// stays for <see cref="HoldAfterLimit"/>, so the selection does not bounce straight back up; after it, video resumes.
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
    /// <param name="sendingKbps">What we send it now, audio and video.</param>
    /// <param name="videoKbps">The video part of it (0 while its video is paused).</param>
    /// <param name="fractionLost">The highest loss it reports on a video stream.</param>
    public double? Budget(double sendingKbps, double videoKbps, double fractionLost)
    {
        lock (gate)
        {
            var remb = videoKbps > 0 && IsFresh(rembAt, RembLifetime) ? rembKbps : (double?)null;
            double? byRemb = remb is { } estimate && estimate < sendingKbps * Headroom ? estimate : null;
            double? byLoss = fractionLost > HighLoss && sendingKbps > 0 ? sendingKbps * (1 - (fractionLost / 2)) : null;
            if (Lowest(byRemb, byLoss) is { } binding)
            {
                (limitKbps, limitedAt) = (binding, time.GetTimestamp());
                return binding;
            }

            return IsFresh(limitedAt, HoldAfterLimit) ? remb ?? limitKbps : null;
        }
    }

    private static double? Lowest(double? a, double? b) => a is { } x && b is { } y ? Math.Min(x, y) : a ?? b;

    private bool IsFresh(long at, TimeSpan lifetime) => at != 0 && time.GetElapsedTime(at) < lifetime;
}
