using System.Buffers.Binary;

namespace WebRtcChat.Identity.Avatars;

/// <summary>PNG: the signature, an IHDR with valid fields first, every chunk whole with a matching CRC, image data, and IEND last.</summary>
internal static class PngStructure
{
    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static bool Matches(ReadOnlySpan<byte> bytes) => bytes.StartsWith(Signature);

    public static ImageInfo? Read(ReadOnlySpan<byte> bytes)
    {
        var position = Signature.Length;
        int width = 0, height = 0;
        var hasData = false;
        for (var index = 0; position + 12 <= bytes.Length; index++)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > bytes.Length)
            {
                return null;
            }

            var typeAndData = bytes.Slice(position + 4, 4 + (int)length);
            var type = typeAndData[..4];
            var data = typeAndData[4..];
            if (BinaryPrimitives.ReadUInt32BigEndian(bytes[(position + 8 + (int)length)..]) != Crc32.Compute(typeAndData))
            {
                return null;
            }

            if (index == 0)
            {
                if (!type.SequenceEqual("IHDR"u8) || !ValidHeader(data))
                {
                    return null;
                }

                width = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data), int.MaxValue);
                height = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(data[4..]), int.MaxValue);
            }

            hasData |= type.SequenceEqual("IDAT"u8);
            position += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8))
            {
                return hasData && position == bytes.Length ? new ImageInfo("image/png", width, height) : null;
            }
        }

        return null;
    }

    private static bool ValidHeader(ReadOnlySpan<byte> header) =>
        header.Length == 13
        && header[8] is 1 or 2 or 4 or 8 or 16 // bit depth
        && header[9] is 0 or 2 or 3 or 4 or 6 // colour type
        && header[10] == 0 && header[11] == 0 // compression, filter
        && header[12] is 0 or 1; // interlace
}
