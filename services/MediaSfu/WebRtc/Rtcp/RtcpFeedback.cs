using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// The common part of an RTCP feedback message (RFC 4585 §6.1): transport-layer (205) or payload-specific (206), its
/// format, the sender's SSRC, the media source's SSRC, and the feedback control information (FCI) that follows.
/// </summary>
public readonly ref struct RtcpFeedback
{
    public const int FixedLength = 8;

    private RtcpFeedback(byte type, int format, uint senderSsrc, uint mediaSsrc, ReadOnlySpan<byte> fci)
    {
        Type = type;
        Format = format;
        SenderSsrc = senderSsrc;
        MediaSsrc = mediaSsrc;
        Fci = fci;
    }

    public byte Type { get; }

    public int Format { get; }

    public uint SenderSsrc { get; }

    public uint MediaSsrc { get; }

    public ReadOnlySpan<byte> Fci { get; }

    public static bool TryParse(RtcpPacket packet, out RtcpFeedback feedback)
    {
        feedback = default;
        var isFeedback = packet.Type is RtcpPacketType.TransportFeedback or RtcpPacketType.PayloadFeedback;
        if (!isFeedback || packet.Body.Length < FixedLength)
        {
            return false;
        }

        feedback = new RtcpFeedback(
            packet.Type,
            packet.Count,
            BinaryPrimitives.ReadUInt32BigEndian(packet.Body),
            BinaryPrimitives.ReadUInt32BigEndian(packet.Body[4..]),
            packet.Body[FixedLength..]);
        return true;
    }

    /// <summary>True if this is the given type and format.</summary>
    public bool Is(byte type, int format) => Type == type && Format == format;

    /// <summary>Writes the header and both SSRCs of a feedback packet whose FCI is <paramref name="fciLength"/> bytes; returns the total length.</summary>
    public static int WriteHeader(Span<byte> destination, byte type, int format, uint senderSsrc, uint mediaSsrc, int fciLength)
    {
        var length = RtcpPacket.HeaderLength + FixedLength + fciLength;
        RtcpPacket.WriteHeader(destination, format, type, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], senderSsrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], mediaSsrc);
        return length;
    }
}
