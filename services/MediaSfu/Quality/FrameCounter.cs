using WebRtcChat.MediaSfu.Media;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>
/// Counts the frames of a published video stream on the receive loop, without allocating: a packet with the RTP marker
/// bit ends a frame (RFC 7741 §4.1 for VP8, the same for VP9 and H.264); VP8 packets that start a key frame are key
/// frames. The rate is sampled with the other meters.
/// </summary>
public sealed class FrameCounter(IReadOnlyDictionary<byte, string> payloadCodecs)
{
    private readonly bool[] vp8 = Vp8PayloadTypes(payloadCodecs);
    private long frames;
    private long keyframes;

    public long Frames => Interlocked.Read(ref frames);

    public long Keyframes => Interlocked.Read(ref keyframes);

    public RateMeter Rate { get; } = new();

    public void Observe(ReadOnlySpan<byte> packet, in RtpHeader header)
    {
        if (header.Marker)
        {
            Interlocked.Increment(ref frames);
        }

        if (vp8[header.PayloadType] && KeyframeDetector.IsVp8Keyframe(header.GetPayload(packet)))
        {
            Interlocked.Increment(ref keyframes);
        }
    }

    private static bool[] Vp8PayloadTypes(IReadOnlyDictionary<byte, string> payloadCodecs)
    {
        var table = new bool[128];
        foreach (var (payloadType, codec) in payloadCodecs)
        {
            table[payloadType & 0x7F] = codec.StartsWith("VP8/", StringComparison.OrdinalIgnoreCase);
        }

        return table;
    }
}
