using System.Buffers.Binary;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The picture size a VP8 key frame states (RFC 6386 §9.1): after the payload descriptor, a 3-byte frame tag, the start
/// code 9d 01 2a, then 14-bit width and height, little-endian. Only the first packet of a key frame carries it.
/// </summary>
public static class Vp8KeyframeSize
{
    private const int FrameTagLength = 3;
    private const int StartCodeAndSizeLength = 7;

    public static bool TryRead(ReadOnlySpan<byte> payload, out int width, out int height)
    {
        (width, height) = (0, 0);
        if (!Vp8Descriptor.TryParse(payload, out var descriptor) || !descriptor.IsKeyframe)
        {
            return false;
        }

        var frame = payload[descriptor.Length..];
        if (frame.Length < FrameTagLength + StartCodeAndSizeLength || frame[3] != 0x9d || frame[4] != 0x01 || frame[5] != 0x2a)
        {
            return false;
        }

        width = BinaryPrimitives.ReadUInt16LittleEndian(frame[6..]) & 0x3FFF;
        height = BinaryPrimitives.ReadUInt16LittleEndian(frame[8..]) & 0x3FFF;
        return height > 0;
    }
}
