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
        Assert.Null(estimate.Budget(videoKbps: 1500, ReportedLoss.None));
    }

    [Fact]
    public void A_remb_below_what_is_sent_limits_and_the_limit_follows_the_remb_while_held()
    {
        estimate.Remb(600_000);
        Assert.Equal(600, estimate.Budget(1500, ReportedLoss.None));

        clock.Advance(TimeSpan.FromSeconds(3));
        estimate.Remb(900_000);
        Assert.Equal(900, estimate.Budget(500, ReportedLoss.None)); // above what is sent now: not binding, but the hold keeps the REMB as the limit
    }

    [Fact]
    public void After_a_switch_up_a_remb_climbing_towards_what_is_sent_is_no_limit_and_a_falling_one_is()
    {
        // Measured with Chrome after a switch from ~150 to ~600 kbps: the first REMB near what arrived, then +2% each 250 ms.
        estimate.SwitchedUp();
        foreach (var bitsPerSecond in new ulong[] { 323_000, 328_400, 334_500, 342_300, 348_900, 348_900 })
        {
            estimate.Remb(bitsPerSecond);
            Assert.Null(estimate.Budget(videoKbps: 600, ReportedLoss.None));
            clock.Advance(TimeSpan.FromMilliseconds(250));
        }

        // The link is full: the receiver's queue grows and its estimate falls.
        estimate.Remb(300_000);
        Assert.Equal(300, estimate.Budget(600, ReportedLoss.None));
        clock.Advance(TimeSpan.FromMilliseconds(250));
        estimate.Remb(306_000);
        Assert.Equal(306, estimate.Budget(600, ReportedLoss.None));
    }

    [Fact]
    public void A_remb_that_has_not_caught_up_when_the_climb_time_is_over_limits()
    {
        estimate.SwitchedUp();
        estimate.Remb(323_000);
        Assert.Null(estimate.Budget(600, ReportedLoss.None));

        clock.Advance(DownlinkEstimate.ClimbTime);
        estimate.Remb(480_000);
        Assert.Equal(480, estimate.Budget(600, ReportedLoss.None));
    }

    [Fact]
    public void High_loss_cuts_by_half_the_loss_and_moderate_loss_does_not()
    {
        Assert.Null(estimate.Budget(1000, Loss(0.08, measurement: 1)));
        Assert.Equal(900, estimate.Budget(1000, Loss(0.20, measurement: 2)));
    }

    [Fact]
    public void One_loss_measurement_cuts_once_however_often_the_layers_are_planned()
    {
        Assert.Equal(900, estimate.Budget(1000, Loss(0.20, measurement: 1)));

        // The cut moved the subscriber to a smaller layer; the same measurement must not cut what is sent now again.
        for (var plan = 0; plan < 8; plan++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            Assert.Equal(900, estimate.Budget(300, Loss(0.20, measurement: 1)));
        }

        Assert.Equal(270, estimate.Budget(300, Loss(0.20, measurement: 2)));
    }

    [Fact]
    public void A_loss_cut_holds_and_then_lets_go()
    {
        Assert.Equal(900, estimate.Budget(1000, Loss(0.20, measurement: 1)));
        clock.Advance(DownlinkEstimate.HoldAfterLimit - TimeSpan.FromSeconds(1));
        Assert.Equal(900, estimate.Budget(300, Loss(0.05, measurement: 2)));

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(estimate.Budget(300, Loss(0.05, measurement: 3)));
    }

    [Fact]
    public void With_video_paused_an_audio_only_remb_does_not_keep_it_paused()
    {
        estimate.Remb(100_000);
        Assert.Equal(100, estimate.Budget(500, ReportedLoss.None));

        // Paused: the REMB now measures no video (28 kbps). It must not renew the limit, or video never comes back.
        for (var second = 0; second < 9; second++)
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            estimate.Remb(28_000);
            Assert.Equal(100, estimate.Budget(0, ReportedLoss.None));
        }

        clock.Advance(TimeSpan.FromSeconds(1.5));
        estimate.Remb(28_000);
        Assert.Null(estimate.Budget(0, ReportedLoss.None));
    }

    [Fact]
    public void Nothing_sent_yet_or_video_paused_is_no_limit_whatever_the_loss()
    {
        Assert.Null(estimate.Budget(0, Loss(0.5, measurement: 1)));
    }

    [Fact]
    public void The_latest_budget_is_kept_for_the_stats()
    {
        Assert.Null(estimate.LatestBudgetKbps);
        estimate.Remb(600_000);
        estimate.Budget(1500, ReportedLoss.None);
        Assert.Equal(600, estimate.LatestBudgetKbps);
    }

    private static ReportedLoss Loss(double fraction, long measurement) => new(fraction, measurement);
}
