using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// RTP retransmission payload format (RFC 4588 §4): the retransmitted packet's header is reused with the RTX stream's
/// SSRC, payload type and sequence number, and its payload is prefixed with the original sequence number (OSN).
/// </summary>
public static class RtxPacket
{
    public const int OsnLength = 2;

    /// <summary>Writes the RTX form of <paramref name="original"/> into <paramref name="destination"/> (padding dropped); its length, or -1 without room.</summary>
    public static int Wrap(ReadOnlySpan<byte> original, in RtpHeader header, Span<byte> destination, uint rtxSsrc, byte rtxPayloadType, ushort rtxSequenceNumber)
    {
        var length = header.PayloadOffset + OsnLength + header.PayloadLength;
        if (destination.Length < length)
        {
            return -1;
        }

        original[..header.PayloadOffset].CopyTo(destination);
        BinaryPrimitives.WriteUInt16BigEndian(destination[header.PayloadOffset..], header.SequenceNumber);
        header.GetPayload(original).CopyTo(destination[(header.PayloadOffset + OsnLength)..]);
        destination[0] &= 0xDF;
        RtpRewriter.SetSsrc(destination, rtxSsrc);
        RtpRewriter.SetPayloadType(destination, rtxPayloadType);
        RtpRewriter.SetSequenceNumber(destination, rtxSequenceNumber);
        return length;
    }

    /// <summary>
    /// Restores the original packet in place (its sequence number from the OSN, the given SSRC and payload type,
    /// padding dropped); its new length, or -1 for an RTX packet without an OSN (padding-only bandwidth probes).
    /// </summary>
    public static int Unwrap(Span<byte> packet, in RtpHeader header, uint originalSsrc, byte originalPayloadType)
    {
        if (header.PayloadLength < OsnLength)
        {
            return -1;
        }

        var osn = BinaryPrimitives.ReadUInt16BigEndian(packet[header.PayloadOffset..]);
        var payloadStart = header.PayloadOffset + OsnLength;
        var payloadLength = header.PayloadLength - OsnLength;
        packet.Slice(payloadStart, payloadLength).CopyTo(packet[header.PayloadOffset..]);
        packet[0] &= 0xDF;
        RtpRewriter.SetSequenceNumber(packet, osn);
        RtpRewriter.SetSsrc(packet, originalSsrc);
        RtpRewriter.SetPayloadType(packet, originalPayloadType);
        return header.PayloadOffset + payloadLength;
    }
}
