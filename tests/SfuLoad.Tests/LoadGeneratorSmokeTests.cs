using WebRtcChat.Bench.SfuLoad.Janus;
using WebRtcChat.Bench.SfuLoad.Load;
using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.Bench.SfuLoad.Servers;

namespace WebRtcChat.Bench.SfuLoad.Tests;

/// <summary>
/// The load generator end to end at small N (1 call, 2 publishers, 2 subscribers, a few seconds) over real ICE and
/// DTLS-SRTP on loopback, video paced as the benchmark paces it, against our SFU and against Janus VideoRoom, so the
/// benchmark keeps working.
/// </summary>
public sealed class LoadGeneratorSmokeTests
{
    private static readonly LoadScenario Small = new(1, 2, 2, 2, 500, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), LoadScenario.BrowserPacing);

    // A server starts a subscriber's layer on its key frame, and the clips have one every 2 s (the generator does not
    // answer key frame requests): the warm-up covers one.
    private static readonly LoadScenario SmallSimulcast = Small with { Warmup = TimeSpan.FromSeconds(3) };

    [Fact]
    public async Task Packets_flow_from_every_publisher_to_every_subscriber_through_our_sfu()
    {
        await using var sfu = OurSfuTarget.InThisProcess();

        var result = await LoadRun.RunAsync(sfu, Small, await MediaAsync());

        AssertMediaFlowed(result);
    }

    [Fact]
    public async Task A_fan_out_cut_into_chunks_for_the_receive_threads_helper_reaches_every_subscriber()
    {
        // 14 copies of each packet: more than PacketFanOut.SharedFrom: with helpers (forced on: this runs at normal priority) the fan-out runs in chunks of subscribers.
        var wide = Small with { Publishers = 1, Subscribers = 14, Received = 1 };
        await using var sfu = OurSfuTarget.InThisProcess(fanOutHelpers: true);

        var result = await LoadRun.RunAsync(sfu, wide, await MediaAsync());

        AssertMediaFlowed(result);
        // A chunk of subscribers left out would be 4 of the 14 (29 %) missing, one subscriber 7 %.
        Assert.True(result.LossPercent < 2, $"{result.Received} of {result.Expected} packets arrived");
    }

    [Fact]
    public async Task Packets_flow_from_every_publisher_to_every_subscriber_through_janus()
    {
        await using var janus = await JanusTarget.StartAsync(TimeSpan.FromSeconds(10));

        var result = await LoadRun.RunAsync(janus, Small, await MediaAsync());

        AssertMediaFlowed(result);
    }

    [Fact]
    public async Task Simulcast_publishers_reach_every_subscriber_with_their_highest_layer_through_our_sfu()
    {
        await using var sfu = OurSfuTarget.InThisProcess();

        var result = await LoadRun.RunAsync(sfu, SmallSimulcast, await LoadMedia.PrepareSimulcastAsync(new CaptureFiles()));

        AssertHighestLayerFlowed(result);
    }

    [Fact]
    public async Task Simulcast_publishers_reach_every_subscriber_with_their_highest_layer_through_janus()
    {
        await using var janus = await JanusTarget.StartAsync(TimeSpan.FromSeconds(10));

        var result = await LoadRun.RunAsync(janus, SmallSimulcast, await LoadMedia.PrepareSimulcastAsync(new CaptureFiles()));

        AssertHighestLayerFlowed(result);
    }

    private static Task<LoadMedia> MediaAsync() => LoadMedia.PrepareAsync(new CaptureFiles(), VideoLayer.Medium);

    /// <summary>
    /// 2 publishers × (about 50 video + 50 audio packets/s) × 2 subscribers over 2 s: hundreds of packets; nearly all
    /// arrive on loopback, each matched to its send, and video latencies were measured to the socket and to the handler.
    /// </summary>
    private static void AssertMediaFlowed(LoadResult result)
    {
        Assert.True(result.Expected > 400, $"only {result.Expected} packets were sent in the window");
        Assert.True(result.LossPercent < 5, $"{result.Received} of {result.Expected} packets arrived");
        Assert.True(result.Latency.Count > 100, $"only {result.Latency.Count} video packets were matched to their sends");
        Assert.InRange(result.Latency.P50Ms, 0.0, 50.0);
        Assert.Equal(result.Latency.Count, result.ArrivalLatency.Count); // every matched video packet got its kernel arrival stamp
        Assert.InRange(result.ArrivalLatency.P50Ms, 0.0, result.Latency.P50Ms); // it reached the socket before the handler saw it
        Assert.True(result.ReceivedMbps > 1.0, $"subscribers received {result.ReceivedMbps:0.00} Mbit/s in all");
    }

    /// <summary>
    /// Each subscriber is expected to get the audio and the 720p layer (about 1.4 Mbit/s) of both publishers: 4 such
    /// streams make about 5.8 Mbit/s; the 180p layer would make under 1 Mbit/s, so the rate tells the layer too.
    /// </summary>
    private static void AssertHighestLayerFlowed(LoadResult result)
    {
        AssertMediaFlowed(result);
        Assert.True(result.ReceivedMbps > 4.0, $"subscribers received {result.ReceivedMbps:0.00} Mbit/s in all: not the highest layer");
    }
}
