using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// A subscriber's copy of a publisher's RTP packet: the same header and payload with the subscriber's payload type, and
/// without the publisher's header extensions. Those describe the publisher's leg (its mid, rid, transport-wide sequence
/// numbers) and would make the subscriber route the packet to the wrong m-section; the subscriber finds the stream by
/// the SSRC its answer announced. When the subscriber negotiated abs-send-time, the copy carries our send time in it:
/// a browser's receive-side bandwidth estimate (the REMB it sends us) then measures the delay of our leg to it, instead
/// of falling back on RTP timestamps, which also vary with the publisher's encoding and pacing time of each frame.
/// </summary>
public static class ForwardedPacket
{
    private const byte ExtensionBit = 0x10;

    /// <summary>The most a copy can be longer than the packet it copies: the send time's extension block (its profile/length word, one element header byte, 3 value bytes).</summary>
    public const int MaxGrowth = SendTimeBlockLength;

    private const int SendTimeBlockLength = 8;

    /// <summary>Where the payload starts in the copy (its header keeps the CSRCs, and carries only the send time as an extension).</summary>
    public static int PayloadOffset(in RtpHeader header, int sendTimeExtensionId = 0) =>
        HeaderLength(header) + (CarriesSendTime(sendTimeExtensionId) ? SendTimeBlockLength : 0);

    /// <summary>Writes the copy into <paramref name="destination"/> and returns its length.</summary>
    /// <param name="sendTimeExtensionId">The subscriber's abs-send-time extension id; 0 when it has none (or one beyond the one-byte form).</param>
    /// <param name="absSendTime">Our send time as abs-send-time (see <see cref="RtpExtensionValues.ToAbsSendTime"/>).</param>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType, int sendTimeExtensionId = 0, uint absSendTime = 0)
    {
        var headerLength = HeaderLength(header);
        packet[..headerLength].CopyTo(destination);
        destination[0] = (byte)(destination[0] & ~ExtensionBit);
        var payloadOffset = headerLength;
        if (CarriesSendTime(sendTimeExtensionId))
        {
            destination[0] |= ExtensionBit;
            Span<byte> value = stackalloc byte[RtpExtensionValues.AbsSendTimeLength];
            RtpExtensionValues.WriteAbsSendTime(value, absSendTime);
            var extensions = new RtpExtensionWriter(destination.Slice(headerLength, SendTimeBlockLength), twoByte: false);
            extensions.TryAdd(sendTimeExtensionId, value);
            payloadOffset += extensions.Finish();
        }

        RtpRewriter.SetPayloadType(destination, payloadType);
        var body = packet[header.PayloadOffset..];
        body.CopyTo(destination[payloadOffset..]);
        return payloadOffset + body.Length;
    }

    /// <summary>Writes the copy as part of the subscriber's stream <paramref name="ssrc"/>, renumbered (see <see cref="OutgoingStream"/>).</summary>
    public static int Write(
        Span<byte> destination, ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType, uint ssrc, ushort sequenceNumber, uint timestamp, int sendTimeExtensionId = 0, uint absSendTime = 0)
    {
        var length = Write(destination, packet, header, payloadType, sendTimeExtensionId, absSendTime);
        RtpRewriter.SetSsrc(destination, ssrc);
        RtpRewriter.SetSequenceNumber(destination, sequenceNumber);
        RtpRewriter.SetTimestamp(destination, timestamp);
        return length;
    }

    private static int HeaderLength(in RtpHeader header) => RtpHeader.FixedLength + (4 * header.CsrcCount);

    private static bool CarriesSendTime(int extensionId) => extensionId is >= 1 and <= 14;
}
