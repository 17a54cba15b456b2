using WebRtcChat.MediaSfu.Media;
using WebRtcChat.MediaSfu.Tests.Recovery;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>When a subscriber's REMB and reported loss limit what it gets, and when the limit lets go.</summary>
public sealed class DownlinkEstimateTests
{
    private readonly ManualClock clock = new();
    private readonly DownlinkEstimate estimate;

    public DownlinkEstimateTests() => estimate = new DownlinkEstimate(clock);

    [Fact]
    public void A_remb_above_what_is_sent_is_no_limit()
    {
        estimate.Remb(2_000_000);
        Assert.Null(estimate.Budget(sendingKbps: 1540, videoKbps: 1500, fractionLost: 0));
    }

    [Fact]
    public void A_remb_below_what_is_sent_limits_and_the_limit_follows_the_remb_while_held()
    {
        estimate.Remb(600_000);
        Assert.Equal(600, estimate.Budget(1540, 1500, 0));

        clock.Advance(TimeSpan.FromSeconds(3));
        estimate.Remb(900_000);
        Assert.Equal(900, estimate.Budget(540, 500, 0)); // above what is sent now: not binding, but the hold keeps the REMB as the limit
    }

    [Fact]
    public void High_loss_cuts_by_half_the_loss_and_moderate_loss_does_not()
    {
        Assert.Null(estimate.Budget(1000, 960, fractionLost: 0.08));
        Assert.Equal(900, estimate.Budget(1000, 960, fractionLost: 0.20));
    }

    [Fact]
    public void With_video_paused_an_audio_only_remb_does_not_keep_it_paused()
    {
        estimate.Remb(100_000);
        Assert.Equal(100, estimate.Budget(540, 500, 0));

        // Paused: the REMB now measures the audio (28 kbps). It must not renew the limit, or video never comes back.
        for (var second = 0; second < 9; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            estimate.Remb(28_000);
            Assert.Equal(100, estimate.Budget(40, 0, 0));
        }

        clock.Advance(TimeSpan.FromSeconds(1.5));
        estimate.Remb(28_000);
        Assert.Null(estimate.Budget(40, 0, 0));
    }

    [Fact]
    public void Nothing_sent_yet_is_no_limit_whatever_the_loss()
    {
        Assert.Null(estimate.Budget(0, 0, fractionLost: 0.5));
    }
}
