using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>The sender information of an SR (RFC 3550 §6.4.1): NTP and RTP time of the same instant, and counts sent.</summary>
public readonly record struct SenderInfo(ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount)
{
    public const int Length = 20;
}

/// <summary>A sender report (RFC 3550 §6.4.1): the sender's SSRC, its sender info and its reception report blocks.</summary>
public readonly ref struct SenderReport
{
    private const int FixedLength = 4 + SenderInfo.Length;

    private SenderReport(uint senderSsrc, SenderInfo info, ReportBlockList reportBlocks)
    {
        SenderSsrc = senderSsrc;
        Info = info;
        ReportBlocks = reportBlocks;
    }

    public uint SenderSsrc { get; }

    public SenderInfo Info { get; }

    public ReportBlockList ReportBlocks { get; }

    public static bool TryParse(RtcpPacket packet, out SenderReport report)
    {
        report = default;
        if (!ReportBlockList.TryRead(packet, RtcpPacketType.SenderReport, FixedLength, out var blocks))
        {
            return false;
        }

        var body = packet.Body;

        var info = new SenderInfo(
            BinaryPrimitives.ReadUInt64BigEndian(body[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(body[12..]),
            BinaryPrimitives.ReadUInt32BigEndian(body[16..]),
            BinaryPrimitives.ReadUInt32BigEndian(body[20..]));
        report = new SenderReport(
            BinaryPrimitives.ReadUInt32BigEndian(body), info, blocks);
        return true;
    }

    /// <summary>Writes an SR with up to 31 report blocks; returns its length.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, in SenderInfo info, ReadOnlySpan<ReportBlock> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks.Length, 31);
        var length = RtcpPacket.HeaderLength + FixedLength + (blocks.Length * ReportBlock.Length);
        RtcpPacket.WriteHeader(destination, blocks.Length, RtcpPacketType.SenderReport, length);
        var body = destination[RtcpPacket.HeaderLength..];
        BinaryPrimitives.WriteUInt32BigEndian(body, senderSsrc);
        BinaryPrimitives.WriteUInt64BigEndian(body[4..], info.NtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[12..], info.RtpTimestamp);
        BinaryPrimitives.WriteUInt32BigEndian(body[16..], info.PacketCount);
        BinaryPrimitives.WriteUInt32BigEndian(body[20..], info.OctetCount);
        ReportBlockList.Write(body[FixedLength..], blocks);
        return length;
    }
}
