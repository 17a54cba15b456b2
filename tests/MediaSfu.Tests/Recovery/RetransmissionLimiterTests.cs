using WebRtcChat.MediaSfu.Media.Recovery;

namespace WebRtcChat.MediaSfu.Tests.Recovery;

public sealed class RetransmissionLimiterTests
{
    [Fact]
    public void A_packet_nacked_again_and_again_is_resent_once_per_interval_not_per_nack()
    {
        var limiter = new RetransmissionLimiter();
        var resent = new List<long>();
        for (var now = 0; now < 300; now += 5)
        {
            if (limiter.TryTake(70_000, now, interval: 100))
            {
                resent.Add(now);
            }
        }

        Assert.Equal([0, 100, 200], resent);
    }

    [Fact]
    public void Different_packets_are_limited_separately()
    {
        var limiter = new RetransmissionLimiter();

        Assert.True(limiter.TryTake(1, 0, 100));
        Assert.True(limiter.TryTake(2, 0, 100));
        Assert.False(limiter.TryTake(1, 50, 100));
        Assert.True(limiter.TryTake(1 + RetransmissionLimiter.Slots, 50, 100));
    }
}
