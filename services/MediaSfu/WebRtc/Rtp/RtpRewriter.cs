using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// In-place rewrites of the fixed RTP header for forwarding (new SSRC, continuous sequence numbers and timestamps, the
/// subscriber's payload type) and removal of padding. The packet must already have parsed as RTP.
/// </summary>
public static class RtpRewriter
{
    public static void SetSsrc(Span<byte> packet, uint ssrc) => BinaryPrimitives.WriteUInt32BigEndian(packet[8..], ssrc);

    public static void SetSequenceNumber(Span<byte> packet, ushort sequenceNumber) =>
        BinaryPrimitives.WriteUInt16BigEndian(packet[2..], sequenceNumber);

    public static void SetTimestamp(Span<byte> packet, uint timestamp) =>
        BinaryPrimitives.WriteUInt32BigEndian(packet[4..], timestamp);

    public static void SetPayloadType(Span<byte> packet, byte payloadType) =>
        packet[1] = (byte)((packet[1] & 0x80) | (payloadType & 0x7F));

    public static void SetMarker(Span<byte> packet, bool marker) =>
        packet[1] = (byte)(marker ? packet[1] | 0x80 : packet[1] & 0x7F);

    /// <summary>Drops the padding (clears the P bit); returns the packet's new length.</summary>
    public static int RemovePadding(Span<byte> packet, in RtpHeader header)
    {
        packet[0] &= 0xDF;
        return header.PayloadOffset + header.PayloadLength;
    }
}
