using WebRtcChat.MediaSfu.Media.Congestion;

namespace WebRtcChat.MediaSfu.Tests.Congestion;

/// <summary>What our estimate of a subscriber's downlink makes of its transport-cc feedback on a link of known rate.</summary>
public sealed class SendSideEstimateTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void A_link_that_carries_what_is_sent_is_no_limit()
    {
        var link = new SimulatedDownlink(linkKbps: 5000);

        link.Send(kbps: 1500, 5 * Second);

        Assert.True(link.Estimate.HasFeedback);
        Assert.Null(link.Estimate.EstimateKbps);
        Assert.InRange(link.Estimate.AckedKbps!.Value, 1400, 1600);
        Assert.InRange(link.Estimate.QueueDelayMs, 0, 5);
    }

    [Fact]
    public void Sending_more_than_the_link_carries_is_cut_under_what_arrives_within_a_second()
    {
        var link = new SimulatedDownlink(linkKbps: 400);

        link.Send(kbps: 1000, Second);

        // 85% of the 400 kbit/s that arrive, before the queue holds a second of media.
        Assert.InRange(link.Estimate.EstimateKbps!.Value, 300, 360);
        Assert.InRange(link.Estimate.QueueDelayMs, 60, 1000);
    }

    [Fact]
    public void After_a_cut_the_estimate_grows_back_only_to_a_little_above_what_arrives()
    {
        var link = new SimulatedDownlink(linkKbps: 400);
        link.Send(kbps: 1000, Second);
        link.Send(kbps: 0, 3 * Second);
        link.LinkKbps = 5000;

        link.Send(kbps: 400, 30 * Second);

        // 8% a second for 30 s would be ten times the cut; 400 kbit/s arriving show 440.
        Assert.InRange(link.Estimate.EstimateKbps!.Value, 420, 441);
    }

    [Fact]
    public void A_probe_on_a_link_with_room_raises_the_estimate_to_the_probed_rate_and_the_next_may_follow_soon()
    {
        var link = CutTo400ThenWidened(5000);
        var estimate = link.Estimate.EstimateKbps!.Value;

        var probe = link.Estimate.ProbeFor(3000);

        Assert.NotNull(probe);
        Assert.Equal(estimate * SendSideEstimate.ProbeStep, probe.Value.TargetKbps, 1);
        link.Probe(probe.Value);
        Assert.InRange(link.Estimate.EstimateKbps!.Value, 0.9 * probe.Value.TargetKbps, 1.05 * probe.Value.TargetKbps);
        Assert.Null(link.Estimate.ProbeFor(3000));
        link.Send(kbps: 250, ProbeSchedule.AfterSuccess);
        Assert.NotNull(link.Estimate.ProbeFor(3000));
    }

    [Fact]
    public void A_probe_on_a_full_link_finds_its_rate_raises_nothing_above_it_and_the_next_waits_longer()
    {
        var link = CutTo400ThenWidened(400);

        var probe = link.Estimate.ProbeFor(3000)!.Value;
        link.Probe(probe);

        Assert.InRange(link.Estimate.EstimateKbps!.Value, 300, 400);
        link.Send(kbps: 250, ProbeSchedule.FirstBackoff - (0.7 * Second));
        Assert.Null(link.Estimate.ProbeFor(3000));
        link.Send(kbps: 250, Second);
        Assert.NotNull(link.Estimate.ProbeFor(3000));
    }

    [Fact]
    public void Losing_a_fifth_of_the_packets_cuts_the_estimate_by_half_the_loss()
    {
        var link = new SimulatedDownlink(linkKbps: 5000) { LoseEvery = 5 };

        link.Send(kbps: 1000, 2 * Second);

        // 800 kbit/s arrive; less 10%.
        Assert.InRange(link.Estimate.EstimateKbps!.Value, 680, 760);
    }

    [Fact]
    public void No_probe_is_asked_for_while_the_estimate_covers_what_is_wanted_or_before_any_limit()
    {
        var unlimited = new SimulatedDownlink(linkKbps: 5000);
        unlimited.Send(kbps: 1000, Second);
        Assert.Null(unlimited.Estimate.ProbeFor(3000));

        var limited = CutTo400ThenWidened(5000);
        Assert.Null(limited.Estimate.ProbeFor(limited.Estimate.EstimateKbps!.Value - 1));
    }

    /// <summary>A downlink cut to about 340 kbit/s on a 400 kbit/s link, which then becomes <paramref name="linkKbps"/>, carrying 250 kbit/s since.</summary>
    private static SimulatedDownlink CutTo400ThenWidened(double linkKbps)
    {
        var link = new SimulatedDownlink(linkKbps: 400);
        link.Send(kbps: 1000, Second);
        link.Send(kbps: 0, 3 * Second);
        link.LinkKbps = linkKbps;
        link.Send(kbps: 250, 3 * Second);
        Assert.InRange(link.Estimate.EstimateKbps!.Value, 300, 375);
        return link;
    }
}
