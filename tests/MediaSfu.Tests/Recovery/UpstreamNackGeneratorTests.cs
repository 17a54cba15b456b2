using WebRtcChat.MediaSfu.Media.Recovery;

namespace WebRtcChat.MediaSfu.Tests.Recovery;

public sealed class UpstreamNackGeneratorTests
{
    private static readonly LossRecoverySettings Settings = new(512, TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100), 3);

    private readonly ExtendedSequence sequences = new();
    private readonly UpstreamNackGenerator generator = new(Settings, timestampFrequency: 1000);
    private readonly ushort[] due = new ushort[64];

    [Fact]
    public void A_gap_across_the_65535_to_0_wrap_is_nacked_at_once_in_order()
    {
        Receive(65533, now: 0);
        Receive(65534, now: 0);
        Receive(2, now: 1);

        Assert.Equal([65535, 0, 1], Due(now: 1));
    }

    [Fact]
    public void A_missing_packet_is_nacked_again_each_retry_interval_then_given_up()
    {
        Receive(10, now: 0);
        Receive(12, now: 0);
        var attempts = new List<long>();
        for (var now = 0; now <= 1100; now += 10)
        {
            if (Due(now) is [11])
            {
                attempts.Add(now);
            }
        }

        Assert.Equal([0, 100, 200], attempts);
        Assert.Equal(0, generator.MissingCount);
        Assert.Equal(1, generator.GaveUp);
    }

    [Fact]
    public void A_packet_that_arrives_late_or_by_rtx_is_no_longer_nacked()
    {
        Receive(10, now: 0);
        Receive(13, now: 0);
        Assert.Equal([11, 12], Due(now: 0));

        Assert.True(generator.Received(sequences.Extend(12), 50));
        Assert.False(generator.Received(sequences.Extend(12), 60));

        Assert.Equal([11], Due(now: 100));
    }

    [Fact]
    public void Once_a_repair_was_measured_retries_come_after_twice_its_round_trip_not_the_configured_interval()
    {
        Receive(10, now: 0);
        Receive(12, now: 0);
        Assert.Equal([11], Due(now: 0));
        Receive(11, now: 20); // repaired 20 ms after the NACK
        Assert.Equal(40, generator.RetryInterval);

        Receive(14, now: 100);
        Assert.Equal([13], Due(now: 100));
        Assert.Empty(Due(now: 139));
        Assert.Equal([13], Due(now: 140));
    }

    [Fact]
    public void A_jump_beyond_the_window_is_a_restart_of_the_stream_not_loss()
    {
        Receive(100, now: 0);
        Receive(100 + 513, now: 0);

        Assert.Empty(Due(now: 0));
        Assert.Equal(0, generator.MissingCount);
    }

    [Fact]
    public void A_subscribers_request_for_a_packet_we_lack_goes_upstream_once_per_retry_interval()
    {
        Receive(10, now: 0);
        Receive(11, now: 0);
        generator.TakeDue(0, due);
        var forgotten = sequences.Nearest(5);

        Assert.True(generator.Request(forgotten, now: 10));
        Assert.False(generator.Request(forgotten, now: 11));
        Assert.Equal([5], Due(now: 10));
        Assert.False(generator.Request(forgotten, now: 109));
        Assert.Empty(Due(now: 109));
        Assert.True(generator.Request(forgotten, now: 110));
        Assert.Equal([5], Due(now: 110));
        Assert.False(generator.Request(sequences.Nearest(11), now: 112));
    }

    [Fact]
    public void A_subscriber_still_asking_after_the_attempts_are_spent_earns_another_and_is_counted_when_it_never_comes()
    {
        Receive(10, now: 0);
        Receive(12, now: 0);
        Receive(20, now: 0);
        Assert.Equal([11, 13, 14, 15, 16, 17, 18, 19], Due(now: 0));
        Assert.Equal([11, 13, 14, 15, 16, 17, 18, 19], Due(now: 100));
        Assert.Equal([11, 13, 14, 15, 16, 17, 18, 19], Due(now: 200));
        Assert.Empty(Due(now: 300));

        Assert.True(generator.Request(sequences.Nearest(11), now: 400));
        Assert.Equal([11], Due(now: 400));
        Assert.False(generator.Request(sequences.Nearest(11), now: 450));
        Assert.Empty(Due(now: 450));

        Assert.Empty(Due(now: 1001));
        Assert.Equal(8, generator.GaveUp);
        Assert.Equal(1, generator.LostForSubscribers);
    }

    private void Receive(ushort sequence, long now) => generator.Received(sequences.Extend(sequence), now);

    private ushort[] Due(long now) => due[..generator.TakeDue(now, due)];
}
