using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.MediaSfu.Quality;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// One publisher's audio or video stream (one SSRC) and everyone it is forwarded to. The subscriber list is replaced,
/// never mutated, so the receive loop reads it without a lock.
/// </summary>
public sealed class ForwardedTrack(MediaPeer publisher, MediaKind kind, uint ssrc, string trackId, IReadOnlyDictionary<byte, string> payloadCodecs, TimeProvider time, LossRecovery? recovery = null)
{
    private readonly Lock gate = new();
    private Subscription[] subscriptions = [];
    private long packets;
    private long bytes;

    public MediaPeer Publisher { get; } = publisher;

    public MediaKind Kind { get; } = kind;

    public uint Ssrc { get; } = ssrc;

    /// <summary>The track id the publisher's SDP gave it (a=msid); subscribers see the same id.</summary>
    public string TrackId { get; } = trackId;

    /// <summary>The publisher's payload types and their codecs (e.g. 96 → "VP8/90000").</summary>
    public IReadOnlyDictionary<byte, string> PayloadCodecs { get; } = payloadCodecs;

    public TrackReception Reception { get; } = new(ssrc, kind == MediaKind.Audio ? 48_000 : 90_000, time);

    public RateMeter Rate { get; } = new();

    /// <summary>The frames of a video track (null for audio).</summary>
    public FrameCounter? Frames { get; } = kind == MediaKind.Video ? new FrameCounter(payloadCodecs) : null;

    /// <summary>The audio levels of an audio track that negotiated them (null otherwise).</summary>
    public AudioLevelMeter? AudioLevel { get; init; }

    /// <summary>The retransmission buffer and NACK handling of a video stream; null for audio.</summary>
    public LossRecovery? Recovery { get; } = recovery;

    public long Packets => Interlocked.Read(ref packets);

    public long Bytes => Interlocked.Read(ref bytes);

    public ReadOnlySpan<Subscription> Subscriptions => Volatile.Read(ref subscriptions);

    public void Add(Subscription subscription)
    {
        lock (gate)
        {
            subscriptions = [.. subscriptions.Where(s => s.Subscriber != subscription.Subscriber), subscription];
        }
    }

    public void Remove(MediaPeer subscriber)
    {
        lock (gate)
        {
            subscriptions = [.. subscriptions.Where(s => s.Subscriber != subscriber)];
        }
    }

    internal void Count(int length)
    {
        Interlocked.Increment(ref packets);
        Interlocked.Add(ref bytes, length);
    }

    /// <summary>Reads what the quality stats need from a decrypted packet of this track (frames, audio level).</summary>
    internal void Inspect(ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        Frames?.Observe(packet, header);
        AudioLevel?.Observe(packet, header);
    }
}
