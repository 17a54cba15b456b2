namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>
/// When a subscriber's downlink may be probed again: soon after a probe that found the rate wanted, later and later
/// after each one that did not (the path is full: probing it again at once only adds delay), and not while it is
/// congested.
/// </summary>
public sealed class ProbeSchedule(TimeProvider time)
{
    public static readonly TimeSpan AfterSuccess = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan FirstBackoff = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);
    public static readonly TimeSpan AfterCongestion = TimeSpan.FromSeconds(2);

    private TimeSpan backoff = FirstBackoff;
    private long notBefore;

    public bool IsDue => notBefore == 0 || time.GetTimestamp() >= notBefore;

    public void Succeeded()
    {
        backoff = FirstBackoff;
        Delay(AfterSuccess);
    }

    public void Failed()
    {
        Delay(backoff);
        backoff = backoff * 2 < MaxBackoff ? backoff * 2 : MaxBackoff;
    }

    public void Congested() => Delay(AfterCongestion);

    private void Delay(TimeSpan wait) => notBefore = Math.Max(notBefore, time.GetTimestamp() + (long)(wait.TotalSeconds * time.TimestampFrequency));
}
