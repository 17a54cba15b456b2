using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.WebRtc.Tests.Rtcp;

public sealed class RtpReceiveStatisticsTests
{
    [Fact]
    public void Loss_across_the_sequence_wrap_is_counted_and_the_fraction_is_per_interval()
    {
        var stats = new RtpReceiveStatistics(0x1234);
        for (var i = 0; i < 100; i++)
        {
            if (i % 10 != 3)
            {
                stats.Update((ushort)(65500 + i), (uint)(i * 3000), i * 3000);
            }
        }

        var first = stats.CreateReportBlock();
        Assert.Equal(100, stats.Expected);
        Assert.Equal(10, first.CumulativeLost);
        Assert.Equal(0x1_0000u + 63, first.ExtendedHighestSequence); // 65500 + 99 wrapped once
        Assert.Equal(25, first.FractionLost); // 10/100 * 256, rounded down

        for (var i = 100; i < 200; i++)
        {
            stats.Update((ushort)(65500 + i), (uint)(i * 3000), i * 3000);
        }

        var second = stats.CreateReportBlock(lastSenderReport: 77, delaySinceLastSenderReport: 88);
        Assert.Equal((0x1234u, (byte)0, 10, 77u, 88u), (second.Ssrc, second.FractionLost, second.CumulativeLost, second.LastSenderReport, second.DelaySinceLastSenderReport));
    }

    [Fact]
    public void Duplicates_and_late_packets_do_not_move_the_highest_sequence()
    {
        var stats = new RtpReceiveStatistics(1);
        stats.Update(10, 0, 0);
        stats.Update(12, 0, 0);
        stats.Update(11, 0, 0);
        stats.Update(11, 0, 0);

        Assert.Equal(12u, stats.ExtendedHighestSequence);
        Assert.Equal(-1, stats.CumulativeLost);
        Assert.Equal(-1, stats.CreateReportBlock().CumulativeLost); // RFC 3550 §6.4.1: duplicates make it negative
    }

    [Fact]
    public void A_large_jump_counts_only_once_confirmed_by_the_next_packet()
    {
        var stats = new RtpReceiveStatistics(1);
        stats.Update(100, 0, 0);

        Assert.False(stats.Update(30000, 0, 0));
        Assert.True(stats.Update(101, 0, 0));
        Assert.False(stats.Update(40000, 0, 0));
        Assert.True(stats.Update(40001, 0, 0));
        Assert.Equal(40001u, stats.ExtendedHighestSequence);
        Assert.Equal(1, stats.PacketsReceived);
    }

    [Fact]
    public void Jitter_converges_to_the_constant_transit_variation()
    {
        var stats = new RtpReceiveStatistics(1);
        for (var i = 0; i < 500; i++)
        {
            var transitVariation = i % 2 == 0 ? 0 : 160; // every other packet 160 units (2 ms at 90 kHz... of any clock) late
            stats.Update((ushort)i, (uint)(i * 3000), (i * 3000L) + transitVariation);
        }

        Assert.InRange(stats.Jitter, 158u, 160u);
    }

    [Fact]
    public void Jitter_ignores_the_rtp_timestamp_wrap()
    {
        var stats = new RtpReceiveStatistics(1);
        for (var i = 0; i < 100; i++)
        {
            var timestamp = uint.MaxValue - 150_000 + (uint)(i * 3000);
            stats.Update((ushort)i, timestamp, 1_000_000 + (i * 3000L));
        }

        Assert.Equal(0u, stats.Jitter);
    }
}
