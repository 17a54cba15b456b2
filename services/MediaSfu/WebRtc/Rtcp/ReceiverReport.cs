using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>A receiver report (RFC 3550 §6.4.2): the reporter's SSRC and its reception report blocks.</summary>
public readonly ref struct ReceiverReport
{
    /// <summary>The most report blocks one report carries (its count is five bits).</summary>
    public const int MaxBlocks = 31;

    private const int FixedLength = 4;

    private ReceiverReport(uint senderSsrc, ReportBlockList reportBlocks)
    {
        SenderSsrc = senderSsrc;
        ReportBlocks = reportBlocks;
    }

    public uint SenderSsrc { get; }

    public ReportBlockList ReportBlocks { get; }

    public static bool TryParse(RtcpPacket packet, out ReceiverReport report)
    {
        report = default;
        if (!ReportBlockList.TryRead(packet, RtcpPacketType.ReceiverReport, FixedLength, out var blocks))
        {
            return false;
        }

        var body = packet.Body;

        report = new ReceiverReport(
            BinaryPrimitives.ReadUInt32BigEndian(body), blocks);
        return true;
    }

    /// <summary>Writes an RR with up to <see cref="MaxBlocks"/> report blocks (none is a valid, empty RR); returns its length.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, ReadOnlySpan<ReportBlock> blocks)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(blocks.Length, MaxBlocks);
        var length = RtcpPacket.HeaderLength + FixedLength + (blocks.Length * ReportBlock.Length);
        RtcpPacket.WriteHeader(destination, blocks.Length, RtcpPacketType.ReceiverReport, length);
        BinaryPrimitives.WriteUInt32BigEndian(destination[RtcpPacket.HeaderLength..], senderSsrc);
        ReportBlockList.Write(destination[(RtcpPacket.HeaderLength + FixedLength)..], blocks);
        return length;
    }
}
