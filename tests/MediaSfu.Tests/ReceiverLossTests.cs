using WebRtcChat.MediaSfu.Media;
using WebRtcChat.MediaSfu.Tests.Recovery;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>The loss a subscriber reports, taken over enough packets and forgotten when the reports stop.</summary>
public sealed class ReceiverLossTests
{
    private readonly ManualClock clock = new();
    private readonly ReceiverLoss loss = new();

    [Fact]
    public void One_loss_in_a_few_packets_does_not_count_until_the_window_is_full()
    {
        Report(highest: 1000, lost: 0);
        Report(highest: 1003, lost: 1); // a report's own fraction would say 33%
        Assert.Equal(0, loss.Latest(clock).Fraction);

        Report(highest: 1100, lost: 5);
        Assert.Equal(0.05, loss.Latest(clock).Fraction, precision: 3);
    }

    [Fact]
    public void Each_window_stands_alone()
    {
        Report(1000, 0);
        Report(1100, 20);
        Assert.Equal(0.20, loss.Latest(clock).Fraction, precision: 3);

        Report(1200, 21);
        Assert.Equal(0.01, loss.Latest(clock).Fraction, precision: 3);
    }

    [Fact]
    public void Reports_that_stopped_mean_no_loss()
    {
        Report(1000, 0);
        Report(1100, 30);
        clock.Advance(ReceiverLoss.Stale);
        Assert.Equal(0, loss.Latest(clock).Fraction);
    }

    [Fact]
    public void A_stream_reported_on_without_new_packets_is_stale_like_one_not_reported_on()
    {
        // A paused video: the browser keeps sending report blocks for it, with the same highest sequence number.
        Report(1000, 0);
        Report(1100, 30);
        for (var i = 0; i < 25; i++)
        {
            Report(1100, 30);
        }

        Assert.Equal(0, loss.Latest(clock).Fraction);
        Report(1110, 30);
        Assert.Equal(0.30, loss.Latest(clock).Fraction, precision: 3);
    }

    [Fact]
    public void Each_new_window_is_a_new_measurement_and_reports_within_one_are_not()
    {
        Report(1000, 0);
        Report(1100, 20);
        var first = loss.Latest(clock);
        Report(1120, 30);
        Assert.Equal(first, loss.Latest(clock));

        Report(1200, 30);
        Assert.NotEqual(first.Measurement, loss.Latest(clock).Measurement);
    }

    [Fact]
    public void A_sequence_that_went_back_starts_a_new_window()
    {
        Report(5000, 10);
        Report(100, 0);
        Report(160, 6);
        Assert.Equal(0.10, loss.Latest(clock).Fraction, precision: 3);
    }

    private void Report(uint highest, int lost)
    {
        clock.Advance(TimeSpan.FromMilliseconds(100));
        loss.Report(highest, lost, clock.GetTimestamp());
    }
}
