using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// Cheap "does this packet start a key frame" checks on RTP payloads, for switching layers and answering new
/// subscribers. Audio codecs (Opus) have no key frames: every packet decodes on its own.
/// </summary>
public static class KeyframeDetector
{
    private const int H264Idr = 5;
    private const int H264Sps = 7;
    private const int H264StapA = 24;
    private const int H264FuA = 28;

    public static bool IsVp8Keyframe(ReadOnlySpan<byte> payload) =>
        Vp8Descriptor.TryParse(payload, out var descriptor) && descriptor.IsKeyframe;

    /// <summary>
    /// VP9 (RFC 9628 §4.2): a non-inter-predicted picture (P clear) at the start of a frame (B set) in spatial layer 0.
    /// </summary>
    public static bool IsVp9Keyframe(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return false;
        }

        var first = payload[0];
        bool interPicture = (first & 0x40) != 0, beginning = (first & 0x08) != 0;
        if (interPicture || !beginning)
        {
            return false;
        }

        var offset = 1;
        if ((first & 0x80) != 0)
        {
            offset += offset < payload.Length && (payload[offset] & 0x80) != 0 ? 2 : 1;
        }

        if ((first & 0x20) == 0)
        {
            return true;
        }

        return offset < payload.Length && ((payload[offset] >> 1) & 0x07) == 0;
    }

    /// <summary>H.264 (RFC 6184): an IDR slice or SPS as a single NAL unit, inside a STAP-A, or starting a FU-A.</summary>
    public static bool IsH264Keyframe(ReadOnlySpan<byte> payload)
    {
        if (payload.IsEmpty)
        {
            return false;
        }

        var type = payload[0] & 0x1F;
        switch (type)
        {
            case H264Idr or H264Sps:
                return true;
            case H264FuA:
                return payload.Length > 1 && (payload[1] & 0x80) != 0 && (payload[1] & 0x1F) is H264Idr or H264Sps;
            case H264StapA:
                for (var offset = 1; offset + 3 <= payload.Length;)
                {
                    var size = BinaryPrimitives.ReadUInt16BigEndian(payload[offset..]);
                    if ((payload[offset + 2] & 0x1F) is H264Idr or H264Sps)
                    {
                        return true;
                    }

                    offset += 2 + size;
                }

                return false;
            default:
                return false;
        }
    }
}
