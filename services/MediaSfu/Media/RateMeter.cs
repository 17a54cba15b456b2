namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// A counter's rate between the last two samples (the RTCP reporter samples every interval): bytes as kbps, or any
/// count (frames) per second.
/// </summary>
public sealed class RateMeter
{
    private readonly Lock gate = new();
    private long lastCount;
    private long lastAt;
    private double perSecond;

    public double Kbps => PerSecond * 8 / 1000;

    public double PerSecond
    {
        get
        {
            lock (gate)
            {
                return perSecond;
            }
        }
    }

    public void Sample(long count, TimeProvider time)
    {
        var now = time.GetTimestamp();
        lock (gate)
        {
            if (lastAt != 0)
            {
                var seconds = time.GetElapsedTime(lastAt, now).TotalSeconds;
                perSecond = seconds > 0 ? (count - lastCount) / seconds : perSecond;
            }

            lastCount = count;
            lastAt = now;
        }
    }
}
