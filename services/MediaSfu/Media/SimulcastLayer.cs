using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.MediaSfu.Quality;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// One encoding of a published track: a simulcast layer (named by its rid, its SSRC learned from the first packets that
/// carry the rid) or the only encoding of a plain track (SSRC from the offer). Its reception statistics, rate, frames,
/// loss recovery (video), when it last sent (a layer the publisher stopped sending is unavailable) and, for VP8, the
/// height of its latest key frame.
/// </summary>
public sealed class SimulcastLayer
{
    /// <summary>A layer silent for this long is not offered to subscribers.</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(1);

    private readonly TimeProvider time;
    private readonly int clockRate;
    private readonly TrackRecovery? trackRecovery;
    private TrackReception? reception;
    private LossRecovery? recovery;
    private long lastPacketAt;
    private long packets;
    private long bytes;
    private int height;
    private uint ssrc;
    private uint rtxSsrc;
    private int highestSequence = -1;

    public SimulcastLayer(int index, string? rid, uint? ssrc, int clockRate, TimeProvider time, FrameCounter? frames = null, TrackRecovery? recovery = null)
    {
        Index = index;
        Rid = rid;
        Frames = frames;
        this.time = time;
        this.clockRate = clockRate;
        trackRecovery = recovery;
        if (ssrc is { } known)
        {
            Bind(known);
        }
    }

    /// <summary>Its place in the offer's a=simulcast list (0 for a plain track).</summary>
    public int Index { get; }

    /// <summary>The rid (RFC 8851) of a simulcast layer; null for a plain track.</summary>
    public string? Rid { get; }

    /// <summary>The SSRC carrying it; 0 until its first packet names its rid.</summary>
    public uint Ssrc => Volatile.Read(ref ssrc);

    /// <summary>The SSRC of its retransmissions (repaired-rid), once seen; 0 before.</summary>
    public uint RtxSsrc => Volatile.Read(ref rtxSsrc);

    /// <summary>How it arrives; null until its SSRC is known.</summary>
    public TrackReception? Reception => Volatile.Read(ref reception);

    /// <summary>The retransmission buffer and NACK handling of its stream; null for audio, and until its SSRC is known.</summary>
    public LossRecovery? Recovery => Volatile.Read(ref recovery);

    /// <summary>Its frames (video; null for audio).</summary>
    public FrameCounter? Frames { get; }

    public RateMeter Rate { get; } = new();

    public long Packets => Interlocked.Read(ref packets);

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>The frame height of its latest VP8 key frame; null until one arrived (or for other codecs).</summary>
    public int? Height => Volatile.Read(ref height) is > 0 and var h ? h : null;

    public bool IsActive => Interlocked.Read(ref lastPacketAt) is not 0 and var at && time.GetElapsedTime(at) < SilenceLimit;

    internal void Bind(uint layerSsrc)
    {
        Volatile.Write(ref reception, new TrackReception(layerSsrc, clockRate, time));
        Volatile.Write(ref recovery, trackRecovery?.Stream(layerSsrc));
        highestSequence = -1;
        Volatile.Write(ref ssrc, layerSsrc);
    }

    internal void BindRepair(uint repairSsrc) => Volatile.Write(ref rtxSsrc, repairSsrc);

    /// <summary>
    /// One packet of this layer arrived (decrypted, on the receive loop). True when it is the newest so far; false for
    /// one older than a packet already here (reordered, or a repair of a loss), which must not start a layer switch.
    /// </summary>
    internal bool Received(ReadOnlySpan<byte> packet, in RtpHeader header, bool isVp8)
    {
        Interlocked.Exchange(ref lastPacketAt, time.GetTimestamp());
        Interlocked.Increment(ref packets);
        Interlocked.Add(ref bytes, packet.Length);
        Reception?.Received(header.SequenceNumber, header.Timestamp);
        Frames?.Observe(packet, header);
        if (isVp8 && Vp8KeyframeSize.TryRead(header.GetPayload(packet), out _, out var frameHeight))
        {
            Volatile.Write(ref height, frameHeight);
        }

        var newest = highestSequence < 0 || unchecked((short)(ushort)(header.SequenceNumber - highestSequence)) > 0;
        if (newest)
        {
            highestSequence = header.SequenceNumber;
        }

        return newest;
    }
}
