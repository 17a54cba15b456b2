using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.WebRtc.Tests.Rtcp;

public sealed class FeedbackTests
{
    [Fact]
    public void Pli_has_no_fci_and_is_recognised()
    {
        var bytes = RtcpTestPackets.Written(b => PictureLossIndication.Write(b, 0x11111111, 0x22222222));

        Assert.Equal(Hex.Bytes("81CE0002 11111111 22222222"), bytes);
        var feedback = RtcpTestPackets.Feedback(bytes);
        Assert.True(PictureLossIndication.Matches(feedback));
        Assert.Equal((0x11111111u, 0x22222222u), (feedback.SenderSsrc, feedback.MediaSsrc));
    }

    [Fact]
    public void Fir_lists_its_entries()
    {
        var bytes = RtcpTestPackets.Written(b => FullIntraRequest.Write(b, 1, [new FirEntry(0xAAAAAAAA, 7), new FirEntry(0xBBBBBBBB, 8)]));

        Assert.Equal(Hex.Bytes("84CE0006 00000001 00000000 AAAAAAAA 07000000 BBBBBBBB 08000000"), bytes);
        var feedback = RtcpTestPackets.Feedback(bytes);
        Assert.True(FullIntraRequest.Matches(feedback));
        Assert.Equal(2, FullIntraRequest.EntryCount(feedback));
        Assert.Equal(new FirEntry(0xBBBBBBBB, 8), FullIntraRequest.GetEntry(feedback, 1));
    }

    [Fact]
    public void Nack_is_built_from_lost_sequence_numbers_across_the_wrap_and_expands_back()
    {
        ushort[] lost = [65534, 65535, 0, 5, 40, 56];
        var bytes = RtcpTestPackets.Written(b => GenericNack.Write(b, 1, 2, lost));

        // PID 65534 with 65535 (bit 0), 0 (bit 1), 5 (bit 6); PID 40 with 56 (bit 15, the last a BLP holds).
        Assert.Equal(Hex.Bytes("81CD0004 00000001 00000002 FFFE0043 00288000"), bytes);
        var feedback = RtcpTestPackets.Feedback(bytes);
        Assert.True(GenericNack.Matches(feedback));
        var expanded = new ushort[2 * GenericNack.MaxPerEntry];
        var count = GenericNack.ExpandLost(feedback, expanded);
        Assert.Equal(lost, expanded[..count]);
    }

    [Fact]
    public void Nack_expansion_stops_when_the_destination_is_full()
    {
        var feedback = RtcpTestPackets.Feedback(Hex.Bytes("81CD0003 00000001 00000002 0010FFFF"));
        var expanded = new ushort[5];

        Assert.Equal(5, GenericNack.ExpandLost(feedback, expanded));
        Assert.Equal([16, 17, 18, 19, 20], expanded);
    }

    [Theory]
    [InlineData(1_000_000UL, 1_000_000UL)]
    [InlineData(100_000UL, 100_000UL)]
    [InlineData(123_456_789UL, 123_456_512UL)] // 18-bit mantissa: rounded down
    public void Remb_round_trips_its_bitrate_and_ssrcs(ulong bitrate, ulong expected)
    {
        var bytes = RtcpTestPackets.Written(b => ReceiverEstimatedMaximumBitrate.Write(b, 1, bitrate, [0xAAAAAAAA, 0xBBBBBBBB]));

        var feedback = RtcpTestPackets.Feedback(bytes);
        Assert.True(ReceiverEstimatedMaximumBitrate.TryParse(feedback, out var parsed, out var count));
        Assert.Equal((expected, 2), (parsed, count));
        Assert.Equal(0xBBBBBBBBu, ReceiverEstimatedMaximumBitrate.GetSsrc(feedback, 1));
    }

    [Fact]
    public void Remb_has_the_draft_layout()
    {
        var bytes = RtcpTestPackets.Written(b => ReceiverEstimatedMaximumBitrate.Write(b, 1, 1_000_000, [0xAAAAAAAA]));

        // exponent 2, mantissa 250000 = 0x3D090
        Assert.Equal(Hex.Bytes("8FCE0005 00000001 00000000 52454D42 010BD090 AAAAAAAA"), bytes);
    }

    [Fact]
    public void Remb_with_a_wrong_identifier_or_missing_ssrcs_is_refused()
    {
        Assert.False(ReceiverEstimatedMaximumBitrate.TryParse(
            RtcpTestPackets.Feedback(Hex.Bytes("8FCE0004 00000001 00000000 52454D43 010BD090")), out _, out _));
        Assert.False(ReceiverEstimatedMaximumBitrate.TryParse(
            RtcpTestPackets.Feedback(Hex.Bytes("8FCE0004 00000001 00000000 52454D42 020BD090")), out _, out _));
    }
}
