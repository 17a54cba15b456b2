namespace WebRtcChat.MediaSfu.Media;

/// <summary>A byte counter's rate between the last two samples (the RTCP reporter samples every interval).</summary>
public sealed class RateMeter
{
    private readonly Lock gate = new();
    private long lastBytes;
    private long lastAt;
    private double kbps;

    public double Kbps
    {
        get
        {
            lock (gate)
            {
                return kbps;
            }
        }
    }

    public void Sample(long bytes, TimeProvider time)
    {
        var now = time.GetTimestamp();
        lock (gate)
        {
            if (lastAt != 0)
            {
                var seconds = time.GetElapsedTime(lastAt, now).TotalSeconds;
                kbps = seconds > 0 ? (bytes - lastBytes) * 8 / seconds / 1000 : kbps;
            }

            lastBytes = bytes;
            lastAt = now;
        }
    }
}
