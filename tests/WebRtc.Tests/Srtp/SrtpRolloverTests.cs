using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

public sealed class SrtpRolloverTests
{
    [Fact]
    public void The_index_follows_the_sequence_number_across_the_wrap()
    {
        var estimator = new SrtpIndexEstimator();
        ushort sequence = 65530;
        for (var i = 0; i < 20; i++, sequence++)
        {
            Assert.True(estimator.Estimate(sequence, out var index));
            Assert.Equal(65530UL + (ulong)i, index);
            estimator.Commit(index);
        }

        Assert.Equal(1u, estimator.RolloverCounter);
    }

    [Fact]
    public void A_late_packet_from_before_the_wrap_keeps_the_old_rollover_counter()
    {
        var estimator = new SrtpIndexEstimator();
        estimator.Commit(65534);
        estimator.Commit(0x1_0002); // sequence 2 after the wrap

        Assert.True(estimator.Estimate(65535, out var late));
        Assert.Equal(65535UL, late);
        estimator.Commit(late);
        Assert.Equal(1u, estimator.RolloverCounter);
        Assert.True(estimator.Estimate(3, out var next));
        Assert.Equal(0x1_0003UL, next);
    }

    [Fact]
    public void A_packet_after_the_wrap_arriving_before_the_last_ones_of_the_old_cycle_gets_the_next_rollover_counter()
    {
        var estimator = new SrtpIndexEstimator();
        estimator.Commit(65533);

        Assert.True(estimator.Estimate(1, out var early));
        Assert.Equal(0x1_0001UL, early);
        estimator.Commit(early);
        Assert.True(estimator.Estimate(65534, out var late));
        Assert.Equal(65534UL, late);
    }

    [Fact]
    public void A_packet_that_would_precede_index_zero_is_not_estimated()
    {
        var estimator = new SrtpIndexEstimator();
        estimator.Commit(3);

        Assert.False(estimator.Estimate(65530, out _));
    }

    [Theory]
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80)]
    [InlineData(SrtpProfile.AeadAes128Gcm)]
    public void Media_keeps_flowing_through_many_wraps_with_reordering_at_each(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        const int wraps = 6;
        int[] aroundTheWrap = [-3, -1, 1, -2, 0, 3, 2]; // arrival order, relative to the wrap
        for (var wrap = 1; wrap <= wraps; wrap++)
        {
            // Strides under half the sequence space carry the stream to just before the wrap.
            for (long index = ((wrap - 1) * 65536L) + 10; index < (wrap * 65536L) - 3; index += 20_000)
            {
                Assert.True(pair.ServerUnprotects(pair.ProtectRtp((ushort)index)).IsSuccess, $"index {index}");
            }

            var burst = aroundTheWrap.Select(offset => (wrap * 65536L) + offset).ToArray();
            var wire = burst.Order().ToDictionary(index => index, index => pair.ProtectRtp((ushort)index));
            foreach (var index in burst)
            {
                Assert.True(pair.ServerUnprotects(wire[index]).IsSuccess, $"index {index}");
            }

            Assert.Equal(SrtpFailure.Replayed, pair.ServerUnprotects(wire[(wrap * 65536L) - 1]).Failure);
        }

        Assert.Equal((uint)wraps, pair.Client.Outbound.GetRolloverCounter(SrtpPair.Ssrc));
        Assert.Equal((uint)wraps, pair.Server.Inbound.GetRolloverCounter(SrtpPair.Ssrc));
    }
}
