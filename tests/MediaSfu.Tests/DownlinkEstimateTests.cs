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
    public void After_its_hold_a_remb_limit_grows_back_instead_of_lifting_and_a_higher_remb_raises_it()
    {
        estimate.Remb(600_000);
        Assert.Equal(600, estimate.Budget(1500, ReportedLoss.None));

        // Now sending the layer the limit allowed, with the REMB above it: no new limit, the old one grows from 750.
        clock.Advance(DownlinkEstimate.HoldAfterLimit + TimeSpan.FromSeconds(2));
        estimate.Remb(620_000);
        Assert.Equal(750 * 1.08 * 1.08, estimate.Budget(400, ReportedLoss.None)!.Value, 6);

        estimate.Remb(1_200_000);
        Assert.Equal(1200, estimate.Budget(400, ReportedLoss.None));
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
    public void A_loss_cut_holds_then_grows_back_8_percent_a_second_and_lapses()
    {
        Assert.Equal(900, estimate.Budget(1000, Loss(0.20, measurement: 1)));
        clock.Advance(RecoveringLimit.FirstHold - TimeSpan.FromSeconds(1));
        Assert.Equal(900, estimate.Budget(300, Loss(0.05, measurement: 2)));

        clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(900 * Math.Pow(1.08, 5), estimate.Budget(300, Loss(0.05, measurement: 3))!.Value, 6);

        // Tenfold after ~30 s of growth: the cut is gone.
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.Null(estimate.Budget(300, Loss(0.05, measurement: 4)));
    }

    [Fact]
    public void Cut_again_while_growing_back_holds_twice_as_long_and_after_a_lapse_the_first_hold_again()
    {
        Assert.Equal(450, estimate.Budget(600, Loss(0.50, measurement: 1)));

        // Grown back to the next layer after the hold, which the link does not carry either.
        clock.Advance(RecoveringLimit.FirstHold + TimeSpan.FromSeconds(5));
        Assert.Equal(552.5, estimate.Budget(650, Loss(0.30, measurement: 2)));
        clock.Advance(TimeSpan.FromSeconds(19));
        Assert.Equal(552.5, estimate.Budget(500, Loss(0.02, measurement: 3)));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(552.5 * 1.08, estimate.Budget(500, Loss(0.02, measurement: 4))!.Value, 6);

        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Null(estimate.Budget(500, Loss(0.02, measurement: 5)));
        Assert.Equal(540, estimate.Budget(600, Loss(0.20, measurement: 6)));
        clock.Advance(RecoveringLimit.FirstHold);
        Assert.Equal(540, estimate.Budget(600, Loss(0.02, measurement: 7)));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(540 * 1.08, estimate.Budget(600, Loss(0.02, measurement: 8))!.Value, 6);
    }

    [Fact]
    public void With_video_paused_an_audio_only_remb_does_not_keep_it_paused_and_the_limit_grows_back_from_half_the_video_it_cut()
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

        // The hold is over: growth starts from half the 500 kbps cut, not from the 100 the REMB had collapsed to.
        clock.Advance(TimeSpan.FromSeconds(1.5));
        estimate.Remb(28_000);
        Assert.Equal(250 * Math.Pow(1.08, 0.5), estimate.Budget(0, ReportedLoss.None)!.Value, 6);
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
