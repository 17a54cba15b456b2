using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtp;

/// <summary>
/// An RTP packet of padding only (RFC 3550 §5.1: the P bit set, the last byte counts the padding), carrying a
/// transport-wide sequence number: a bandwidth probe, sent on an RTX stream (RFC 4588), which a receiver counts in its
/// transport-cc feedback and then drops as it holds no original sequence number.
/// </summary>
public static class PaddingPacket
{
    public const int MaxPadding = 255;

    /// <summary>Header, the extension block with the sequence number element, no payload.</summary>
    public const int HeaderLength = RtpHeader.FixedLength + 8;

    /// <summary>Where the transport-wide sequence number goes (2 bytes, big-endian).</summary>
    public const int TransportSequenceOffset = RtpHeader.FixedLength + 4 + 1;

    /// <summary>Writes the packet with <paramref name="padding"/> bytes of padding (1-255); returns its length.</summary>
    /// <param name="transportSequenceExtensionId">The receiver's transport-wide sequence number extension id (1-14).</param>
    public static int Write(Span<byte> destination, byte payloadType, ushort sequenceNumber, uint timestamp, uint ssrc, int transportSequenceExtensionId, int padding)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(transportSequenceExtensionId is >= 1 and <= 14, true, nameof(transportSequenceExtensionId));
        padding = Math.Clamp(padding, 1, MaxPadding);
        destination[0] = (RtpHeader.Version2 << 6) | 0x20 | 0x10;
        destination[1] = (byte)(payloadType & 0x7F);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        var extensions = new RtpExtensionWriter(destination[RtpHeader.FixedLength..HeaderLength], twoByte: false);
        extensions.TryAdd(transportSequenceExtensionId, [0, 0]);
        extensions.Finish();
        var padded = destination.Slice(HeaderLength, padding);
        padded.Clear();
        padded[^1] = (byte)padding;
        return HeaderLength + padding;
    }
}
