using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// A subscriber's copy of a publisher's RTP packet: the same header and payload with the subscriber's payload type, and
/// without the publisher's header extensions. Those describe the publisher's leg (its mid, rid, transport-wide sequence
/// numbers) and would make the subscriber route the packet to the wrong m-section; the subscriber finds the stream by
/// the SSRC its answer announced. The copy carries extensions of our leg only, each when the subscriber negotiated it:
/// our send time (abs-send-time: a browser's receive-side estimate, the REMB it sends us, then measures the delay of our
/// leg to it rather than RTP timestamps, which also vary with the publisher's encoding and pacing of each frame), and a
/// transport-wide sequence number, left at 0 here and stamped when the copy is sent (its transport-cc feedback drives
/// our own estimate of its downlink, see <see cref="Congestion.SendSideEstimate"/>).
/// </summary>
public static class ForwardedPacket
{
    private const byte ExtensionBit = 0x10;
    private const int BlockWordLength = 4;
    private const int SendTimeElementLength = 1 + RtpExtensionValues.AbsSendTimeLength;
    private const int TransportSequenceElementLength = 1 + RtpExtensionValues.TransportSequenceLength;

    /// <summary>The most a copy can be longer than the packet it copies: both extensions' block (its profile/length word, two elements, padding).</summary>
    public const int MaxGrowth = 12;

    /// <summary>Where the payload starts in the copy (its header keeps the CSRCs, and carries only our extensions).</summary>
    public static int PayloadOffset(in RtpHeader header, in CopyExtensions extensions = default) => HeaderLength(header) + BlockLength(extensions);

    /// <summary>Where the copy's transport-wide sequence number goes (2 bytes, big-endian); -1 when it carries none.</summary>
    public static int TransportSequenceOffset(in RtpHeader header, in CopyExtensions extensions) =>
        IsOneByteId(extensions.TransportSequenceId)
            ? HeaderLength(header) + BlockWordLength + (IsOneByteId(extensions.SendTimeId) ? SendTimeElementLength : 0) + 1
            : -1;

    /// <summary>Writes the copy into <paramref name="destination"/> and returns its length.</summary>
    public static int Write(Span<byte> destination, ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType, in CopyExtensions extensions = default)
    {
        var headerLength = HeaderLength(header);
        packet[..headerLength].CopyTo(destination);
        destination[0] = (byte)(destination[0] & ~ExtensionBit);
        var payloadOffset = headerLength;
        if (BlockLength(extensions) > 0)
        {
            destination[0] |= ExtensionBit;
            var writer = new RtpExtensionWriter(destination.Slice(headerLength, MaxGrowth), twoByte: false);
            Span<byte> value = stackalloc byte[RtpExtensionValues.AbsSendTimeLength];
            if (IsOneByteId(extensions.SendTimeId))
            {
                RtpExtensionValues.WriteAbsSendTime(value, extensions.AbsSendTime);
                writer.TryAdd(extensions.SendTimeId, value);
            }

            if (IsOneByteId(extensions.TransportSequenceId))
            {
                value.Clear();
                writer.TryAdd(extensions.TransportSequenceId, value[..RtpExtensionValues.TransportSequenceLength]);
            }

            payloadOffset += writer.Finish();
        }

        RtpRewriter.SetPayloadType(destination, payloadType);
        var body = packet[header.PayloadOffset..];
        body.CopyTo(destination[payloadOffset..]);
        return payloadOffset + body.Length;
    }

    /// <summary>Writes the copy as part of the subscriber's stream <paramref name="ssrc"/>, renumbered (see <see cref="OutgoingStream"/>).</summary>
    public static int Write(
        Span<byte> destination, ReadOnlySpan<byte> packet, in RtpHeader header, byte payloadType, uint ssrc, ushort sequenceNumber, uint timestamp, in CopyExtensions extensions = default)
    {
        var length = Write(destination, packet, header, payloadType, extensions);
        RtpRewriter.SetSsrc(destination, ssrc);
        RtpRewriter.SetSequenceNumber(destination, sequenceNumber);
        RtpRewriter.SetTimestamp(destination, timestamp);
        return length;
    }

    private static int HeaderLength(in RtpHeader header) => RtpHeader.FixedLength + (4 * header.CsrcCount);

    private static int BlockLength(in CopyExtensions extensions)
    {
        var elements = (IsOneByteId(extensions.SendTimeId) ? SendTimeElementLength : 0) + (IsOneByteId(extensions.TransportSequenceId) ? TransportSequenceElementLength : 0);
        return elements == 0 ? 0 : BlockWordLength + ((elements + BlockWordLength - 1) / BlockWordLength * BlockWordLength);
    }

    /// <summary>Ids beyond the one-byte form (15 and up) are not written.</summary>
    private static bool IsOneByteId(int id) => id is >= 1 and <= 14;
}

/// <summary>
/// The extensions of our leg a subscriber's copy carries: abs-send-time (<paramref name="SendTimeId"/>, with
/// <paramref name="AbsSendTime"/>, see <see cref="RtpExtensionValues.ToAbsSendTime"/>) and the transport-wide sequence
/// number (<paramref name="TransportSequenceId"/>); an id of 0 leaves that one out.
/// </summary>
public readonly record struct CopyExtensions(int SendTimeId = 0, uint AbsSendTime = 0, int TransportSequenceId = 0);
