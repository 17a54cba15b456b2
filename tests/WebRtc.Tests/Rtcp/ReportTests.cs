using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.WebRtc.Tests.Rtcp;

public sealed class ReportTests
{
    private static readonly ReportBlock Block = new(0x01020304, 25, -3, 0x0001FFFF, 1234, 0xAABBCCDD, 0x00010000);

    [Fact]
    public void A_receiver_report_has_the_rfc_3550_layout()
    {
        var bytes = RtcpTestPackets.Written(b => ReceiverReport.Write(b, 0x11111111, [Block]));

        Assert.Equal(
            Hex.Bytes("81C90007 11111111 01020304 19FFFFFD 0001FFFF 000004D2 AABBCCDD 00010000"),
            bytes);
        Assert.True(ReceiverReport.TryParse(RtcpTestPackets.Single(bytes), out var report));
        Assert.Equal(0x11111111u, report.SenderSsrc);
        Assert.Equal(1, report.ReportBlocks.Count);
        Assert.Equal(Block, report.ReportBlocks[0]);
    }

    [Fact]
    public void A_sender_report_round_trips_with_its_sender_info_and_blocks()
    {
        var info = new SenderInfo(0xE1234567_89ABCDEF, 90000, 500, 600_000);
        var other = Block with { Ssrc = 9, CumulativeLost = 70000 };
        var bytes = RtcpTestPackets.Written(b => SenderReport.Write(b, 0x22222222, info, [Block, other]));

        Assert.Equal(4 + 24 + 48, bytes.Length);
        Assert.True(SenderReport.TryParse(RtcpTestPackets.Single(bytes), out var report));
        Assert.Equal((0x22222222u, info, 2), (report.SenderSsrc, report.Info, report.ReportBlocks.Count));
        Assert.Equal(other, report.ReportBlocks[1]);
    }

    [Fact]
    public void A_report_announcing_more_blocks_than_it_holds_is_refused()
    {
        var bytes = Hex.Bytes("82C90007 11111111 01020304 19FFFFFD 0001FFFF 000004D2 AABBCCDD 00010000");

        Assert.False(ReceiverReport.TryParse(RtcpTestPackets.Single(bytes), out _));
        Assert.False(SenderReport.TryParse(RtcpTestPackets.Single(bytes), out _));
    }

    [Fact]
    public void Cumulative_loss_beyond_24_bits_is_clamped()
    {
        var bytes = RtcpTestPackets.Written(b => ReceiverReport.Write(b, 1, [Block with { CumulativeLost = int.MaxValue }]));

        Assert.True(ReceiverReport.TryParse(RtcpTestPackets.Single(bytes), out var report));
        Assert.Equal(ReportBlock.MaxCumulativeLost, report.ReportBlocks[0].CumulativeLost);
    }

    [Fact]
    public void Sdes_cname_round_trips_and_is_padded_to_32_bits()
    {
        var bytes = RtcpTestPackets.Written(b => SourceDescription.WriteCname(b, 0x33333333, "abcd"));

        Assert.Equal(Hex.Bytes("81CA0003 33333333 01046162 63640000"), bytes);
        Assert.Equal("abcd", SourceDescription.FindCname(RtcpTestPackets.Single(bytes), 0x33333333));
        Assert.Null(SourceDescription.FindCname(RtcpTestPackets.Single(bytes), 1));
    }

    [Fact]
    public void Sdes_with_two_chunks_and_several_items_is_read_item_by_item()
    {
        // chunk 1: CNAME "ab", NAME "x", end; chunk 2: CNAME "z", end + padding
        var bytes = Hex.Bytes("82CA0005 00000001 01026162 02017800 00000002 01017A00");
        var items = new List<(uint, byte, string)>();

        Assert.True(SourceDescription.TryReadItems(
            RtcpTestPackets.Single(bytes), (ssrc, type, value) => items.Add((ssrc, type, System.Text.Encoding.UTF8.GetString(value)))));
        Assert.Equal([(1u, (byte)1, "ab"), (1u, (byte)2, "x"), (2u, (byte)1, "z")], items);
    }

    [Fact]
    public void Sdes_item_overrunning_the_packet_is_malformed()
    {
        Assert.False(SourceDescription.TryReadItems(RtcpTestPackets.Single(Hex.Bytes("81CA0002 00000001 01096162")), (_, _, _) => { }));
    }

    [Fact]
    public void Bye_round_trips_with_sources_and_reason()
    {
        var bytes = RtcpTestPackets.Written(b => Goodbye.Write(b, [1u, 2u], "left"));

        Assert.Equal(Hex.Bytes("82CB0004 00000001 00000002 046C6566 74000000"), bytes);
        Assert.True(Goodbye.TryParse(RtcpTestPackets.Single(bytes), out var bye));
        Assert.Equal((2, 1u, 2u, "left"), (bye.SourceCount, bye.GetSource(0), bye.GetSource(1), System.Text.Encoding.UTF8.GetString(bye.Reason)));
    }

    [Fact]
    public void Round_trip_time_is_arrival_minus_lsr_minus_dlsr()
    {
        var sentAt = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var lsr = NtpTime.Middle32(NtpTime.FromDateTime(sentAt));
        var block = Block with { LastSenderReport = lsr, DelaySinceLastSenderReport = NtpTime.ToCompact(TimeSpan.FromMilliseconds(300)) };
        var arrival = NtpTime.Middle32(NtpTime.FromDateTime(sentAt.AddMilliseconds(340)));

        var rtt = NtpTime.RoundTripTime(arrival, block);

        Assert.NotNull(rtt);
        Assert.InRange(rtt.Value.TotalMilliseconds, 39.9, 40.1);
        Assert.Null(NtpTime.RoundTripTime(arrival, block with { LastSenderReport = 0 }));
        Assert.Equal(sentAt, NtpTime.ToDateTime(NtpTime.FromDateTime(sentAt)));
    }
}
