namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// The VP8 payload descriptor (RFC 7741 §4.2) at the start of a VP8 RTP payload, and whether the packet starts a key
/// frame (§4.3: first partition start, P bit of the frame header clear). Absent optional fields are -1.
/// </summary>
public readonly record struct Vp8Descriptor
{
    public bool IsStartOfPartition { get; init; }
    public int PartitionId { get; init; }
    public int PictureId { get; init; }
    public bool HasLongPictureId { get; init; }

    /// <summary>Offset of the picture id in the payload (to rewrite it), 0 without one.</summary>
    public int PictureIdOffset { get; init; }
    public int Tl0PicIdx { get; init; }
    public int Tl0PicIdxOffset { get; init; }
    public int TemporalLayer { get; init; }
    public bool IsLayerSync { get; init; }
    public int KeyIndex { get; init; }

    /// <summary>The descriptor's length: where the VP8 payload header starts.</summary>
    public int Length { get; init; }
    public bool IsKeyframe { get; init; }

    public static bool TryParse(ReadOnlySpan<byte> payload, out Vp8Descriptor descriptor)
    {
        descriptor = default;
        if (payload.IsEmpty)
        {
            return false;
        }

        var first = payload[0];
        int offset = 1, pictureId = -1, pictureIdOffset = 0, tl0 = -1, tl0Offset = 0, temporal = -1, keyIndex = -1;
        bool longPictureId = false, layerSync = false;
        if ((first & 0x80) != 0)
        {
            if (payload.Length < 2)
            {
                return false;
            }

            var extension = payload[1];
            offset = 2;
            if ((extension & 0x80) != 0)
            {
                if (offset >= payload.Length)
                {
                    return false;
                }

                pictureIdOffset = offset;
                longPictureId = (payload[offset] & 0x80) != 0;
                if (longPictureId && offset + 1 >= payload.Length)
                {
                    return false;
                }

                pictureId = longPictureId ? ((payload[offset] & 0x7F) << 8) | payload[offset + 1] : payload[offset];
                offset += longPictureId ? 2 : 1;
            }

            if ((extension & 0x40) != 0)
            {
                if (offset >= payload.Length)
                {
                    return false;
                }

                (tl0, tl0Offset) = (payload[offset], offset);
                offset++;
            }

            if ((extension & 0x30) != 0)
            {
                if (offset >= payload.Length)
                {
                    return false;
                }

                var tidByte = payload[offset];
                temporal = (extension & 0x20) != 0 ? tidByte >> 6 : -1;
                layerSync = (extension & 0x20) != 0 && (tidByte & 0x20) != 0;
                keyIndex = (extension & 0x10) != 0 ? tidByte & 0x1F : -1;
                offset++;
            }
        }

        var start = (first & 0x10) != 0;
        var partition = first & 0x07;
        descriptor = new Vp8Descriptor
        {
            IsStartOfPartition = start,
            PartitionId = partition,
            PictureId = pictureId,
            HasLongPictureId = longPictureId,
            PictureIdOffset = pictureIdOffset,
            Tl0PicIdx = tl0,
            Tl0PicIdxOffset = tl0Offset,
            TemporalLayer = temporal,
            IsLayerSync = layerSync,
            KeyIndex = keyIndex,
            Length = offset,
            IsKeyframe = start && partition == 0 && offset < payload.Length && (payload[offset] & 0x01) == 0,
        };
        return true;
    }

    /// <summary>Rewrites the picture id in place (keeping its 7- or 15-bit width) for a forwarded stream.</summary>
    public void WritePictureId(Span<byte> payload, int pictureId)
    {
        if (PictureIdOffset == 0)
        {
            return;
        }

        if (HasLongPictureId)
        {
            payload[PictureIdOffset] = (byte)(0x80 | ((pictureId >> 8) & 0x7F));
            payload[PictureIdOffset + 1] = (byte)pictureId;
        }
        else
        {
            payload[PictureIdOffset] = (byte)(pictureId & 0x7F);
        }
    }

    public void WriteTl0PicIdx(Span<byte> payload, byte tl0PicIdx)
    {
        if (Tl0PicIdxOffset != 0)
        {
            payload[Tl0PicIdxOffset] = tl0PicIdx;
        }
    }
}
