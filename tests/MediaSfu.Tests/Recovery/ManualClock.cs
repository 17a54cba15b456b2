namespace WebRtcChat.MediaSfu.Tests.Recovery;

/// <summary>A clock the test moves by hand, in milliseconds (the TimeProvider's timestamps are 1 ms ticks).</summary>
public sealed class ManualClock : TimeProvider
{
    private long now = 1_000_000;

    public override long TimestampFrequency => 1000;

    public override long GetTimestamp() => Interlocked.Read(ref now);

    public void Advance(TimeSpan by) => Interlocked.Add(ref now, (long)by.TotalMilliseconds);
}
