using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>Writes the fixed RTP header (RFC 3550 §5.1) for packets we originate: tests, RTX, the load generator.</summary>
public static class RtpPacketWriter
{
    /// <summary>Writes the 12-byte header without CSRCs; set <paramref name="hasExtension"/> when an extension block follows.</summary>
    public static int WriteFixedHeader(
        Span<byte> destination, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, bool marker = false, bool hasExtension = false)
    {
        destination[0] = (byte)((RtpHeader.Version2 << 6) | (hasExtension ? 0x10 : 0));
        destination[1] = (byte)((marker ? 0x80 : 0) | (payloadType & 0x7F));
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        return RtpHeader.FixedLength;
    }
}
