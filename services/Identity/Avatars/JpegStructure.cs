using System.Buffers.Binary;

namespace WebRtcChat.Identity.Avatars;

/// <summary>JPEG: SOI, whole marker segments up to a frame header (SOF) and a scan (SOS), and EOI as the last two bytes.</summary>
internal static class JpegStructure
{
    private const byte StartOfScan = 0xDA;

    public static bool Matches(ReadOnlySpan<byte> bytes) => bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF;

    public static ImageInfo? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 4 || bytes[^2] != 0xFF || bytes[^1] != 0xD9)
        {
            return null; // no end-of-image marker: truncated
        }

        var position = 2;
        ImageInfo? frame = null;
        while (position + 4 <= bytes.Length)
        {
            if (bytes[position] != 0xFF)
            {
                return null;
            }

            var marker = bytes[position + 1];
            if (marker == 0xFF)
            {
                position++; // fill byte
                continue;
            }

            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                position += 2; // stand-alone markers carry no length
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(position + 2)..]);
            if (length < 2 || position + 2 + length > bytes.Length)
            {
                return null;
            }

            var segment = bytes.Slice(position + 4, length - 2);
            if (IsStartOfFrame(marker))
            {
                if (segment.Length < 6)
                {
                    return null;
                }

                frame = new ImageInfo("image/jpeg", BinaryPrimitives.ReadUInt16BigEndian(segment[3..]), BinaryPrimitives.ReadUInt16BigEndian(segment[1..]));
            }

            if (marker == StartOfScan)
            {
                // Entropy-coded data follows; a frame header must have come first, and the file ends in EOI (checked above).
                return frame;
            }

            position += 2 + length;
        }

        return null;
    }

    /// <summary>SOF0-SOF15 except DHT (C4), JPG (C8) and DAC (CC).</summary>
    private static bool IsStartOfFrame(byte marker) => marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
}
