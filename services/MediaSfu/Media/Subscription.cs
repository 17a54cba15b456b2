namespace WebRtcChat.MediaSfu.Media;

/// <summary><see cref="Subscriber"/> receives <see cref="Track"/> on its m-section <see cref="Mid"/>, with payload types mapped.</summary>
public sealed class Subscription(MediaPeer subscriber, ForwardedTrack track, string mid, PayloadMap payloadTypes)
{
    private long packets;
    private long bytes;

    public MediaPeer Subscriber { get; } = subscriber;

    public ForwardedTrack Track { get; } = track;

    public string Mid { get; } = mid;

    public PayloadMap PayloadTypes { get; } = payloadTypes;

    public long Packets => Interlocked.Read(ref packets);

    public long Bytes => Interlocked.Read(ref bytes);

    internal void Count(int length)
    {
        Interlocked.Increment(ref packets);
        Interlocked.Add(ref bytes, length);
    }
}
