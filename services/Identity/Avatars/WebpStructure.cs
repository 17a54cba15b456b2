using System.Buffers.Binary;

namespace WebRtcChat.Identity.Avatars;

/// <summary>WebP: a RIFF container whose size matches the file, whole chunks, and a VP8, VP8L or VP8X header with valid fields.</summary>
internal static class WebpStructure
{
    public static bool Matches(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8);

    public static ImageInfo? Read(ReadOnlySpan<byte> bytes)
    {
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        if (riffSize + 8L != bytes.Length)
        {
            return null;
        }

        ImageInfo? image = null;
        var hasImageData = false;
        var position = 12;
        for (var index = 0; position < bytes.Length; index++)
        {
            if (position + 8 > bytes.Length)
            {
                return null;
            }

            var type = bytes.Slice(position, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(position + 4)..]);
            var padded = size + (size & 1);
            if (position + 8L + padded > bytes.Length)
            {
                return null;
            }

            var data = bytes.Slice(position + 8, (int)size);
            if (index == 0)
            {
                image = FirstChunk(type, data);
                if (image is null)
                {
                    return null;
                }
            }

            hasImageData |= type.SequenceEqual("VP8 "u8) || type.SequenceEqual("VP8L"u8) || type.SequenceEqual("ANMF"u8);
            position += 8 + (int)padded;
        }

        return hasImageData ? image : null;
    }

    private static ImageInfo? FirstChunk(ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        if (type.SequenceEqual("VP8 "u8))
        {
            // Frame tag (3 bytes, key frame when bit 0 is clear), start code 9D 01 2A, then 14-bit width and height.
            return data.Length >= 10 && (data[0] & 1) == 0 && data[3] == 0x9D && data[4] == 0x01 && data[5] == 0x2A
                ? Info(BinaryPrimitives.ReadUInt16LittleEndian(data[6..]) & 0x3FFF, BinaryPrimitives.ReadUInt16LittleEndian(data[8..]) & 0x3FFF)
                : null;
        }

        if (type.SequenceEqual("VP8L"u8))
        {
            // Signature 0x2F, then width-1 and height-1 in 14 bits each.
            if (data.Length < 5 || data[0] != 0x2F)
            {
                return null;
            }

            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[1..]);
            return Info((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }

        if (type.SequenceEqual("VP8X"u8))
        {
            // Flags (4 bytes), then canvas width-1 and height-1 in 24 bits each.
            return data.Length >= 10 ? Info(ReadUInt24(data[4..]) + 1, ReadUInt24(data[7..]) + 1) : null;
        }

        return null;
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static ImageInfo Info(int width, int height) => new("image/webp", width, height);
}
