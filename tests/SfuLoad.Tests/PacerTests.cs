using System.Diagnostics;
using WebRtcChat.Bench.SfuLoad.Load;

namespace WebRtcChat.Bench.SfuLoad.Tests;

/// <summary>The load generator's pacer lets a burst out at its rate, not at once, and an idle stream cannot save up a burst.</summary>
public sealed class PacerTests
{
    private static readonly long Millisecond = Stopwatch.Frequency / 1000;

    [Fact]
    public void A_key_frame_of_40_packets_at_1_25_mbit_s_leaves_over_about_300_ms()
    {
        var pacer = new Pacer(1_250_000 / 8.0);
        var now = 1_000 * Millisecond;
        var sent = 0;
        var lastSentAtMs = 0L;
        for (var ms = 0; sent < 40; ms++)
        {
            pacer.Refill(now + (ms * Millisecond));
            while (sent < 40 && pacer.CanSend)
            {
                pacer.Spend(1_200);
                sent++;
                lastSentAtMs = ms;
            }
        }

        Assert.InRange(lastSentAtMs, 295, 310); // 39 packets after the first at 7.68 ms each
    }

    [Fact]
    public void An_idle_second_saves_up_only_a_few_milliseconds_of_budget()
    {
        var pacer = new Pacer(12_500_000 / 8.0);
        pacer.Refill(1_000 * Millisecond);
        pacer.Refill(2_000 * Millisecond);
        var burst = 0;
        while (pacer.CanSend)
        {
            pacer.Spend(1_200);
            burst++;
        }

        Assert.Equal(7, burst); // 5 ms at 1,562 B/ms = 7,812 B: six packets within it and a seventh into debt (a whole idle second would let 1,302 go)
    }
}
