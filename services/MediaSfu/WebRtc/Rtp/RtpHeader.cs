using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// The parsed fixed header of one RTP packet (RFC 3550 §5.1) and where its CSRC list, header extension, payload and
/// padding lie in the packet it was parsed from. Offsets stay valid after in-place rewrites of SSRC, sequence number,
/// timestamp or payload type.
/// </summary>
public readonly record struct RtpHeader
{
    public const int FixedLength = 12;
    public const int Version2 = 2;

    public bool HasPadding { get; init; }
    public bool HasExtension { get; init; }
    public int CsrcCount { get; init; }
    public bool Marker { get; init; }
    public byte PayloadType { get; init; }
    public ushort SequenceNumber { get; init; }
    public uint Timestamp { get; init; }
    public uint Ssrc { get; init; }

    /// <summary>The profile word of the header extension (0xBEDE one-byte, 0x100x two-byte), 0 without one.</summary>
    public ushort ExtensionProfile { get; init; }

    /// <summary>Offset of the extension's data (after its 4-byte profile/length word); 0 without one.</summary>
    public int ExtensionOffset { get; init; }
    public int ExtensionLength { get; init; }

    /// <summary>Offset of the payload: the header length including CSRCs and the extension.</summary>
    public int PayloadOffset { get; init; }

    /// <summary>The payload's length without padding.</summary>
    public int PayloadLength { get; init; }
    public int PaddingLength { get; init; }

    /// <summary>Reads the header of <paramref name="packet"/>; false for anything that is not a well-formed RTP packet.</summary>
    public static bool TryParse(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        if (!TryParseWithoutPadding(packet, out header))
        {
            return false;
        }

        if (!header.HasPadding)
        {
            return true;
        }

        var paddingLength = packet[^1];
        if (paddingLength == 0 || paddingLength > header.PayloadLength)
        {
            header = default;
            return false;
        }

        header = header with { PaddingLength = paddingLength, PayloadLength = header.PayloadLength - paddingLength };
        return true;
    }

    /// <summary>
    /// Reads the header but takes everything after it as payload: for SRTP packets, whose padding count is encrypted
    /// or followed by the tag.
    /// </summary>
    public static bool TryParseWithoutPadding(ReadOnlySpan<byte> packet, out RtpHeader header)
    {
        header = default;
        if (packet.Length < FixedLength || packet[0] >> 6 != Version2)
        {
            return false;
        }

        var csrcCount = packet[0] & 0x0F;
        var offset = FixedLength + (4 * csrcCount);
        if (offset > packet.Length)
        {
            return false;
        }

        var hasExtension = (packet[0] & 0x10) != 0;
        ushort extensionProfile = 0;
        int extensionOffset = 0, extensionLength = 0;
        if (hasExtension)
        {
            if (offset + 4 > packet.Length)
            {
                return false;
            }

            extensionProfile = BinaryPrimitives.ReadUInt16BigEndian(packet[offset..]);
            extensionLength = 4 * BinaryPrimitives.ReadUInt16BigEndian(packet[(offset + 2)..]);
            extensionOffset = offset + 4;
            offset = extensionOffset + extensionLength;
            if (offset > packet.Length)
            {
                return false;
            }
        }

        header = new RtpHeader
        {
            HasPadding = (packet[0] & 0x20) != 0,
            HasExtension = hasExtension,
            CsrcCount = csrcCount,
            Marker = (packet[1] & 0x80) != 0,
            PayloadType = (byte)(packet[1] & 0x7F),
            SequenceNumber = BinaryPrimitives.ReadUInt16BigEndian(packet[2..]),
            Timestamp = BinaryPrimitives.ReadUInt32BigEndian(packet[4..]),
            Ssrc = BinaryPrimitives.ReadUInt32BigEndian(packet[8..]),
            ExtensionProfile = extensionProfile,
            ExtensionOffset = extensionOffset,
            ExtensionLength = extensionLength,
            PayloadOffset = offset,
            PayloadLength = packet.Length - offset,
        };
        return true;
    }

    /// <summary>The i-th contributing source of the packet this header was parsed from.</summary>
    public uint GetCsrc(ReadOnlySpan<byte> packet, int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, CsrcCount);
        return BinaryPrimitives.ReadUInt32BigEndian(packet[(FixedLength + (4 * index))..]);
    }

    /// <summary>The payload without padding.</summary>
    public ReadOnlySpan<byte> GetPayload(ReadOnlySpan<byte> packet) => packet.Slice(PayloadOffset, PayloadLength);

    /// <summary>The extension's data (the elements, without the profile/length word).</summary>
    public ReadOnlySpan<byte> GetExtensionData(ReadOnlySpan<byte> packet) =>
        packet.Slice(ExtensionOffset, ExtensionLength);
}
