namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>One encoded frame of a clip: its RTP timestamp offset from the clip's start (in the codec's clock) and its bytes.</summary>
public sealed record MediaFrame(uint Timestamp, byte[] Data);

/// <summary>An encoded clip, looped by the senders: its frames, its RTP clock rate and how long one pass lasts.</summary>
public sealed record MediaClip(IReadOnlyList<MediaFrame> Frames, int ClockRate, uint Duration)
{
    public double Seconds => Duration / (double)ClockRate;

    public double BitsPerSecond => Frames.Sum(frame => frame.Data.Length) * 8 / Seconds;
}
