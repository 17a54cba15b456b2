using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// Two Chromium pages in a call, each behind a relay that loses 5% of RTP and RTCP in both directions: the SFU NACKs
/// what publishers' packets it lost, answers the subscribers' NACKs from its buffer with RTX, and the video keeps
/// decoding without freezes.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class LossRecoveryBrowserTests(SfuFixture fixture, ITestOutputHelper output)
{
    private const double Loss = 0.05;
    private static readonly TimeSpan Measured = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task With_5_percent_loss_both_ways_the_subscribers_video_keeps_decoding_through_nack_and_rtx()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice, bob);
        await using var browser = await Browser.LaunchAsync(Browser.LoopbackWebRtc);
        var (publisher, publisherRelay) = await OpenAsync(browser, seed: 1);
        var (subscriber, subscriberRelay) = await OpenAsync(browser, seed: 2);
        using var _ = publisherRelay;
        using var __ = subscriberRelay;
        var callId = await JoinAsync(publisher, alice, roomId);
        await JoinAsync(subscriber, bob, roomId);
        await WaitForFramesAsync(subscriber);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var samples = new List<VideoReception> { await VideoReceivedAsync(subscriber) };
        var sfu = new SfuView(fixture, alice, bob, callId);
        var sfuSide = new List<string>();
        for (var second = 0; second < Measured.TotalSeconds; second++)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            samples.Add(await VideoReceivedAsync(subscriber));
            sfuSide.Add(await sfu.LineAsync());
        }

        var (first, last) = (samples[0], samples[^1]);
        // Per second of the browser's own clock: a test starved of CPU may take its next sample late.
        var perSecond = samples.Zip(samples.Skip(1), (a, b) => Math.Round((b.FramesDecoded - a.FramesDecoded) * 1000 / (b.TimestampMs - a.TimestampMs), 1)).ToList();
        var sent = await VideoSentAsync(publisher);
        var recovery = (await sfu.PublishedVideoAsync()).GetProperty("recovery");
        output.WriteLine($"relays dropped {publisherRelay.Relay!.Dropped} of {publisherRelay.Relay.Dropped + publisherRelay.Relay.Forwarded} (publisher), {subscriberRelay.Relay!.Dropped} of {subscriberRelay.Relay.Dropped + subscriberRelay.Relay.Forwarded} (subscriber)");
        output.WriteLine($"decoded per second: {string.Join(' ', perSecond)} (sampled {string.Join(' ', samples.Zip(samples.Skip(1), (a, b) => $"{b.TimestampMs - a.TimestampMs:0}"))} ms apart); frame width each second: {string.Join(' ', samples.Select(s => s.FrameWidth))}; dropped per second: {string.Join(' ', samples.Zip(samples.Skip(1), (a, b) => b.FramesDropped - a.FramesDropped))}; over {Measured.TotalSeconds} s: dropped {last.FramesDropped - first.FramesDropped}, freezes {last.FreezeCount - first.FreezeCount} ({last.FreezeSeconds - first.FreezeSeconds:0.###} s), NACKs sent {last.NackCount - first.NackCount}, lost {last.PacketsLost - first.PacketsLost}");
        output.WriteLine($"publisher: NACKs received {sent.GetProperty("nackCount")}, retransmitted packets {sent.GetProperty("retransmittedPacketsSent")}");
        output.WriteLine($"SFU: {recovery}");
        output.WriteLine($"SFU each second (subscriber's layer, kbps, fraction lost, REMB and budget | publisher's layers):{Environment.NewLine}{string.Join(Environment.NewLine, sfuSide)}");

        // The page publishes simulcast (Chrome then codes each layer with temporal layers) and at this loss the
        // subscriber gets the 160 or 320 wide layer. Measured on this 2-core machine (19 runs, 11 of them beside two
        // other test suites at load average 10-12): 10-27 frames decoded every second, 0-3 freezes of 1.1 s or less in
        // all, 0-19 frames dropped: top temporal layer frames whose repair came after the next frame was decoded,
        // skipped without a stall. Without NACK/RTX the same run decoded 0-19 a second with 3 freezes of 4.7-5.3 s in
        // all (and 1-2 frames dropped: a lost reference stalls until a key frame).
        Assert.All(perSecond, framesPerSecond => Assert.InRange(framesPerSecond, 5, 40));
        var decoded = last.FramesDecoded - first.FramesDecoded;
        Assert.InRange(decoded, 150, 400);
        Assert.InRange(last.FramesDropped - first.FramesDropped, 0, decoded / 4);
        Assert.InRange(last.FreezeCount - first.FreezeCount, 0, 3);
        Assert.InRange(last.FreezeSeconds - first.FreezeSeconds, 0, 2.0);
        Assert.True(last.NackCount > first.NackCount, "the subscriber never NACKed: was anything lost?");
        Assert.True(recovery.GetProperty("retransmitted").GetInt64() > 0, recovery.ToString());
        Assert.True(recovery.GetProperty("upstreamNacks").GetInt64() > 0, recovery.ToString());
        Assert.True(recovery.GetProperty("repaired").GetInt64() > 0, recovery.ToString());
    }

    private async Task<(IPage Page, RelayedAnswers Relay)> OpenAsync(Browser browser, int seed)
    {
        var page = await browser.Chromium.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        var relay = await RelayedAnswers.RouteAsync(page, LossyRelay.RandomMediaLoss(Loss, seed));
        await page.GotoAsync(fixture.Gateway.ToString());
        return (page, relay);
    }

    private static async Task<Guid> JoinAsync(IPage page, TestUser user, Guid roomId) => Guid.Parse(await page.EvaluateAsync<string>(
        """
        async ({ token, roomId }) => {
          const { GroupCall } = await import('/js/group-call.js');
          const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480, frameRate: 30 } });
          window.call = await new GroupCall({ token, container: document.body, pollMilliseconds: 500 }).join(roomId, stream);
          return window.call.callId;
        }
        """,
        new { token = user.AccessToken, roomId }));

    private static async Task WaitForFramesAsync(IPage page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await VideoReceivedAsync(page)).FramesDecoded == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no video frame was decoded within 30 s");
            await Task.Delay(250);
        }
    }

    private static async Task<VideoReception> VideoReceivedAsync(IPage page)
    {
        var stats = await RtpStatsAsync(page, "inbound-rtp");
        return new VideoReception(
            Number(stats, "framesDecoded"), Number(stats, "framesDropped"), Number(stats, "freezeCount"), Number(stats, "nackCount"), Number(stats, "packetsLost"),
            stats.TryGetProperty("totalFreezesDuration", out var freezes) ? freezes.GetDouble() : 0, Number(stats, "frameWidth"), stats.TryGetProperty("timestamp", out var at) ? at.GetDouble() : 0);
    }

    private static Task<JsonElement> VideoSentAsync(IPage page) => RtpStatsAsync(page, "outbound-rtp");

    /// <summary>The page's video RTP stream report of <paramref name="type"/> (an empty object before there is one).</summary>
    private static Task<JsonElement> RtpStatsAsync(IPage page, string type) => page.EvaluateAsync<JsonElement>(
        """
        async type => {
          let found = {};
          (await window.call.peerConnection.getStats()).forEach(r => { if (r.type === type && r.kind === 'video') found = r; });
          return found;
        }
        """,
        type);

    private static long Number(JsonElement stats, string name) => stats.TryGetProperty(name, out var value) ? value.GetInt64() : 0;

    private sealed record VideoReception(long FramesDecoded, long FramesDropped, long FreezeCount, long NackCount, long PacketsLost, double FreezeSeconds, long FrameWidth, double TimestampMs);
}
