using System.Security.Cryptography;
using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.MediaSfu.Quality;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// One publisher's audio or video track and everyone it is forwarded to. A plain track is one encoding (one SSRC); a
/// simulcast track has up to three layers whose SSRCs are learned from their first packets, and subscribers see it under
/// one SSRC of our own. The subscriber list is replaced, never mutated, so the receive loop reads it without a lock.
/// </summary>
public sealed class ForwardedTrack
{
    private readonly Lock gate = new();
    private readonly SimulcastLayer[] layers;
    private Subscription[] subscriptions = [];
    private long packets;
    private long bytes;

    /// <summary>
    /// A plain track: one encoding on <paramref name="ssrc"/> (its retransmissions on <paramref name="rtxSsrc"/>, when
    /// offered), forwarded under that same SSRC.
    /// </summary>
    public ForwardedTrack(MediaPeer publisher, MediaKind kind, uint ssrc, string trackId, IReadOnlyDictionary<byte, string> payloadCodecs, TimeProvider time, TrackRecovery? recovery = null, uint? rtxSsrc = null)
        : this(publisher, kind, ssrc, trackId, payloadCodecs, null, recovery)
    {
        layers = [new SimulcastLayer(0, null, ssrc, ClockRate, time, NewFrameCounter(), recovery)];
        if (rtxSsrc is { } repair)
        {
            layers[0].BindRepair(repair);
        }
    }

    /// <summary>A simulcast track on section <paramref name="mid"/>: one layer per rid of <paramref name="simulcast"/>.</summary>
    public ForwardedTrack(MediaPeer publisher, MediaKind kind, string mid, string trackId, IReadOnlyDictionary<byte, string> payloadCodecs, SimulcastOffer simulcast, TimeProvider time, TrackRecovery? recovery = null)
        : this(publisher, kind, BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(4)), trackId, payloadCodecs, simulcast, recovery)
    {
        Mid = mid;
        layers = [.. simulcast.Rids.Select((rid, index) => new SimulcastLayer(index, rid, null, ClockRate, time, NewFrameCounter(), recovery))];
    }

    private ForwardedTrack(MediaPeer publisher, MediaKind kind, uint ssrc, string trackId, IReadOnlyDictionary<byte, string> payloadCodecs, SimulcastOffer? simulcast, TrackRecovery? recovery)
    {
        Recovery = recovery;
        Publisher = publisher;
        Kind = kind;
        Ssrc = ssrc;
        TrackId = trackId;
        PayloadCodecs = payloadCodecs;
        Simulcast = simulcast;
        ClockRate = kind == MediaKind.Audio ? 48_000 : 90_000;
        Vp8PayloadTypes = [.. payloadCodecs.Where(c => c.Value.StartsWith("VP8/", StringComparison.OrdinalIgnoreCase)).Select(c => c.Key)];
        layers = [];
    }

    public MediaPeer Publisher { get; }

    public MediaKind Kind { get; }

    /// <summary>The SSRC subscribers receive it on: the publisher's for a plain track, ours for a simulcast one.</summary>
    public uint Ssrc { get; }

    /// <summary>The track id the publisher's SDP gave it (a=msid); subscribers see the same id.</summary>
    public string TrackId { get; }

    /// <summary>The publisher's payload types and their codecs (e.g. 96 → "VP8/90000").</summary>
    public IReadOnlyDictionary<byte, string> PayloadCodecs { get; }

    /// <summary>The simulcast section this track came from; null for a plain track.</summary>
    public SimulcastOffer? Simulcast { get; }

    /// <summary>The m-section of a simulcast track (which identifies it across renegotiations); null for a plain track.</summary>
    public string? Mid { get; }

    public int ClockRate { get; }

    /// <summary>Its encodings, lowest first as offered: one for a plain track.</summary>
    public IReadOnlyList<SimulcastLayer> Layers => layers;

    public RateMeter Rate { get; } = new();

    /// <summary>The frames of a video track (null for audio): its only layer's, or the best simulcast layer flowing now.</summary>
    public FrameCounter? Frames => TopLayer.Frames;

    /// <summary>The audio levels of an audio track that negotiated them (null otherwise).</summary>
    public AudioLevelMeter? AudioLevel { get; init; }

    /// <summary>Loss recovery of a video track (each layer's stream has its own buffer); null for audio.</summary>
    public TrackRecovery? Recovery { get; }

    public long Packets => Interlocked.Read(ref packets);

    public long Bytes => Interlocked.Read(ref bytes);

    public ReadOnlyMemory<Subscription> Subscriptions => Volatile.Read(ref subscriptions);

    private byte[] Vp8PayloadTypes { get; }

    /// <summary>The layer sent on <paramref name="ssrc"/>; null for any other SSRC (e.g. a layer's retransmissions).</summary>
    public SimulcastLayer? Layer(uint ssrc)
    {
        foreach (var layer in layers)
        {
            if (layer.Ssrc == ssrc)
            {
                return layer;
            }
        }

        return null;
    }

    /// <summary>The layer whose retransmissions (RTX) are sent on <paramref name="rtxSsrc"/>; null for any other SSRC.</summary>
    public SimulcastLayer? RepairedLayer(uint rtxSsrc)
    {
        foreach (var layer in layers)
        {
            if (layer.RtxSsrc == rtxSsrc)
            {
                return layer;
            }
        }

        return null;
    }

    public bool IsVp8(byte payloadType) => Vp8PayloadTypes.AsSpan().Contains(payloadType);

    /// <summary>Whether the packet starts a key frame a subscriber can switch to (every audio packet can).</summary>
    public bool StartsKeyframe(ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        if (Kind == MediaKind.Audio)
        {
            return true;
        }

        var payload = header.GetPayload(packet);
        var codec = PayloadCodecs.GetValueOrDefault(header.PayloadType) ?? string.Empty;
        return codec.StartsWith("VP8/", StringComparison.OrdinalIgnoreCase) ? KeyframeDetector.IsVp8Keyframe(payload)
            : codec.StartsWith("VP9/", StringComparison.OrdinalIgnoreCase) ? KeyframeDetector.IsVp9Keyframe(payload)
            : codec.StartsWith("H264/", StringComparison.OrdinalIgnoreCase) && KeyframeDetector.IsH264Keyframe(payload);
    }

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

    /// <summary>How its layers arrive, together: packets received and lost summed, the worst jitter.</summary>
    public (long Packets, long Lost, double JitterMs) ReceptionTotals()
    {
        (long Packets, long Lost, double JitterMs) totals = (0, 0, 0);
        foreach (var layer in layers)
        {
            if (layer.Reception is { } reception)
            {
                var (packets, lost, jitter) = reception.Snapshot();
                totals = (totals.Packets + packets, totals.Lost + lost, Math.Max(totals.JitterMs, jitter));
            }
        }

        return totals;
    }

    /// <summary>The highest layer sending now (the only one of a plain track); the lowest when none is.</summary>
    private SimulcastLayer TopLayer
    {
        get
        {
            for (var i = layers.Length - 1; i > 0; i--)
            {
                if (layers[i].IsActive)
                {
                    return layers[i];
                }
            }

            return layers[0];
        }
    }

    private FrameCounter? NewFrameCounter() => Kind == MediaKind.Video ? new FrameCounter(PayloadCodecs) : null;
}
