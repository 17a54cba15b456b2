using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// A reception report block (RFC 3550 §6.4.1): loss as a fraction of 256 since the last report and cumulative (24-bit
/// signed), the extended highest sequence number, interarrival jitter in timestamp units, and the middle 32 bits of
/// the last SR's NTP time with the delay since it in 1/65536 s.
/// </summary>
public readonly record struct ReportBlock(
    uint Ssrc, byte FractionLost, int CumulativeLost, uint ExtendedHighestSequence, uint Jitter, uint LastSenderReport, uint DelaySinceLastSenderReport)
{
    public const int Length = 24;
    public const int MaxCumulativeLost = 0x7F_FFFF;
    public const int MinCumulativeLost = -0x80_0000;

    public static ReportBlock Read(ReadOnlySpan<byte> source)
    {
        var lostWord = BinaryPrimitives.ReadUInt32BigEndian(source[4..]);
        var cumulative = (int)(lostWord << 8) >> 8; // sign-extend the 24-bit field
        return new ReportBlock(
            BinaryPrimitives.ReadUInt32BigEndian(source),
            (byte)(lostWord >> 24),
            cumulative,
            BinaryPrimitives.ReadUInt32BigEndian(source[8..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[20..]));
    }

    public void Write(Span<byte> destination)
    {
        var cumulative = Math.Clamp(CumulativeLost, MinCumulativeLost, MaxCumulativeLost);
        BinaryPrimitives.WriteUInt32BigEndian(destination, Ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], ((uint)FractionLost << 24) | ((uint)cumulative & 0xFF_FFFF));
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ExtendedHighestSequence);
        BinaryPrimitives.WriteUInt32BigEndian(destination[12..], Jitter);
        BinaryPrimitives.WriteUInt32BigEndian(destination[16..], LastSenderReport);
        BinaryPrimitives.WriteUInt32BigEndian(destination[20..], DelaySinceLastSenderReport);
    }
}
