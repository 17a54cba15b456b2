using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// A subscriber's copy of a publisher's RTP packet: the same header and payload with the subscriber's payload type, and
/// without the publisher's header extensions. Those describe the publisher's leg (its mid, rid, transport-wide sequence
/// numbers) and would make the subscriber route the packet to the wrong m-section; the subscriber finds the stream by
/// the SSRC its answer announced.
/// </summary>
public static class ForwardedPacket
{
    private const byte ExtensionBit = 0x10;

    /// <summary>Where the payload starts in the copy (its header keeps the CSRCs, not the extensions).</summary>
    public static int PayloadOffset(in RtpHeader header) => RtpHeader.FixedLength + (4 * header.CsrcCount);

    /// <summary>Writes the copy into <paramref name="destination"/> and returns its length.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType)
    {
        var headerLength = PayloadOffset(header);
        packet[..headerLength].CopyTo(destination);
        destination[0] = (byte)(destination[0] & ~ExtensionBit);
        RtpRewriter.SetPayloadType(destination, payloadType);
        var body = packet[header.PayloadOffset..];
        body.CopyTo(destination[headerLength..]);
        return headerLength + body.Length;
    }

    /// <summary>Writes the copy as part of the subscriber's stream <paramref name="ssrc"/>, renumbered (see <see cref="OutgoingStream"/>).</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType, uint ssrc, ushort sequenceNumber, uint timestamp)
    {
        var length = Write(destination, packet, header, payloadType);
        RtpRewriter.SetSsrc(destination, ssrc);
        RtpRewriter.SetSequenceNumber(destination, sequenceNumber);
        RtpRewriter.SetTimestamp(destination, timestamp);
        return length;
    }
}
