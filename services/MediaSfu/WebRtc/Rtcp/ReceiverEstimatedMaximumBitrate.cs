using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// REMB (draft-alvestrand-rmcat-remb-03): application-layer feedback with the identifier "REMB", the bitrate as a
/// 6-bit exponent and an 18-bit mantissa, and the SSRCs the estimate applies to.
/// </summary>
public static class ReceiverEstimatedMaximumBitrate
{
    /// <summary>The most SSRCs one REMB can name (its count is one byte).</summary>
    public const int MaxSsrcs = 255;

    private const uint Identifier = 0x52454D42; // "REMB"
    private const int FixedFciLength = 8;
    private const ulong MaxMantissa = (1 << 18) - 1;

    public static bool TryParse(RtcpFeedback feedback, out ulong bitrate, out int ssrcCount)
    {
        bitrate = 0;
        ssrcCount = 0;
        var fci = feedback.Fci;
        if (!feedback.Is(RtcpPacketType.PayloadFeedback, RtcpPacketType.ApplicationFeedbackFormat)
            || fci.Length < FixedFciLength
            || BinaryPrimitives.ReadUInt32BigEndian(fci) != Identifier
            || fci.Length < FixedFciLength + (fci[4] * 4))
        {
            return false;
        }

        ssrcCount = fci[4];
        var exponent = fci[5] >> 2;
        var mantissa = ((ulong)(fci[5] & 0x03) << 16) | BinaryPrimitives.ReadUInt16BigEndian(fci[6..]);
        bitrate = exponent > 46 ? ulong.MaxValue : mantissa << exponent;
        return true;
    }

    public static uint GetSsrc(RtcpFeedback feedback, int index) =>
        BinaryPrimitives.ReadUInt32BigEndian(feedback.Fci[(FixedFciLength + (index * 4))..]);

    /// <summary>Writes a REMB of <paramref name="bitrate"/> bits/s (rounded down to what 18 bits of mantissa hold); returns its length.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, ulong bitrate, ReadOnlySpan<uint> ssrcs)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ssrcs.Length, MaxSsrcs);
        var exponent = 0;
        while (bitrate >> exponent > MaxMantissa)
        {
            exponent++;
        }

        var mantissa = bitrate >> exponent;
        var length = RtcpFeedback.WriteHeader(
            destination, RtcpPacketType.PayloadFeedback, RtcpPacketType.ApplicationFeedbackFormat, senderSsrc, 0, FixedFciLength + (ssrcs.Length * 4));
        var fci = destination[(RtcpPacket.HeaderLength + RtcpFeedback.FixedLength)..];
        BinaryPrimitives.WriteUInt32BigEndian(fci, Identifier);
        fci[4] = (byte)ssrcs.Length;
        fci[5] = (byte)((exponent << 2) | (int)(mantissa >> 16));
        BinaryPrimitives.WriteUInt16BigEndian(fci[6..], (ushort)mantissa);
        for (var i = 0; i < ssrcs.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(fci[(FixedFciLength + (i * 4))..], ssrcs[i]);
        }

        return length;
    }
}
