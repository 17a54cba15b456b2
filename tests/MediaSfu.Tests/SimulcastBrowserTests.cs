using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// A Chromium publisher sending three simulcast layers from a 1280x720 camera (320x180, 640x360, 1280x720) and a
/// Chromium subscriber whose requested maximum height moves its video between the layers, and pauses it.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class SimulcastBrowserTests(SfuFixture fixture, ITestOutputHelper output)
{
    private const int Low = 320;
    private const int High = 1280;

    /// <summary>
    /// How long the subscriber's picture may stand frozen in all during a switch: the SFU asks for the target layer's
    /// key frame at once and keeps forwarding the current layer until it comes, so a switch costs at most about one key
    /// frame request round (≤ 500 ms between requests to a publisher, plus encoding and the trip).
    /// </summary>
    private const double FrozenMsPerSwitch = 1000;

    private static readonly TimeSpan SwitchWait = TimeSpan.FromSeconds(20);

    // Opus plays out at 48 kHz: a second of audio received while the video stays paused.
    private const double AudioSamplesPerSecond = 48_000;

    [Fact]
    public async Task A_subscriber_gets_the_high_layer_drops_to_the_low_one_when_it_asks_comes_back_and_can_pause_video_without_losing_audio()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice, bob);
        await using var browser = await Browser.LaunchAsync();
        var (_, publisherId) = await CallPage.JoinAsync(browser, fixture.Gateway, alice, roomId, width: 1280, height: 720, frameRate: 15);
        var (subscriber, subscriberId) = await CallPage.JoinAsync(browser, fixture.Gateway, bob, roomId);

        var callId = await subscriber.EvaluateAsync<string>("() => window.call.callId");
        var sfu = new SfuView(fixture, alice, bob, Guid.Parse(callId));

        var first = await WatchAsync(sfu, "high layer first decoded", subscriber, publisherId, High, TimeSpan.FromSeconds(45));
        Assert.True(first.Reached, $"The subscriber never got the 1280-wide layer: {first}");
        await AssertPublishedLayersAsync(sfu);

        await subscriber.EvaluateAsync("() => window.call.setMaxHeight(180)");
        var down = await WatchAsync(sfu, "switch down", subscriber, publisherId, Low, SwitchWait);
        Assert.True(down.Reached, $"Asking for 180 px never brought the 320-wide layer: {down}");
        AssertNoFreeze(down, "switching down");

        await subscriber.EvaluateAsync($"() => window.call.setMaxHeight(720, '{publisherId}')");
        var up = await WatchAsync(sfu, "switch up", subscriber, publisherId, High, SwitchWait);
        Assert.True(up.Reached, $"Asking for 720 px never brought the 1280-wide layer back: {up}");
        AssertNoFreeze(up, "switching up");

        await subscriber.EvaluateAsync("() => window.call.setMaxHeight(0)");
        await new SfuClients(fixture).WaitForVideoPausedAsync(bob, Guid.Parse(callId), subscriberId, publisherId);
        var paused = await SettledAsync(subscriber, publisherId);
        var later = await AfterAudioAsync(subscriber, publisherId, paused.AudioSamples + AudioSamplesPerSecond);
        Assert.Equal(paused.FramesDecoded, later.FramesDecoded);

        await AssertVideoRequestRejectedAsync(bob, Guid.Parse(callId), subscriberId, publisherId);
    }

    private static void AssertNoFreeze(Watch watch, string phase)
    {
        Assert.True(watch.Pauses == 0, $"The picture stood still 5 s or more while {phase}: {watch}");
        Assert.True(watch.FrozenMs < FrozenMsPerSwitch, $"The picture froze {watch.FrozenMs} ms while {phase}: {watch}");
    }

    /// <summary>The subscriber's inbound once the frames already on their way are decoded: framesDecoded still for 500 ms.</summary>
    private static async Task<(int FrameWidth, long FramesDecoded, double AudioSamples)> SettledAsync(IPage page, Guid publisherId)
    {
        var deadline = DateTime.UtcNow + SwitchWait;
        var last = await InboundAsync(page, publisherId);
        var stillSince = DateTime.UtcNow;
        while (DateTime.UtcNow - stillSince < TimeSpan.FromMilliseconds(500))
        {
            Assert.True(DateTime.UtcNow < deadline, "Video kept decoding after the SFU paused it.");
            await Task.Delay(100);
            var now = await InboundAsync(page, publisherId);
            (last, stillSince) = now.FramesDecoded == last.FramesDecoded ? (now, stillSince) : (now, DateTime.UtcNow);
        }

        return last;
    }

    /// <summary>The subscriber's inbound once it has received <paramref name="samples"/> audio samples in all (audio must keep flowing).</summary>
    private static async Task<(int FrameWidth, long FramesDecoded, double AudioSamples)> AfterAudioAsync(IPage page, Guid publisherId, double samples)
    {
        var deadline = DateTime.UtcNow + SwitchWait;
        while (true)
        {
            var now = await InboundAsync(page, publisherId);
            if (now.AudioSamples >= samples)
            {
                return now;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Audio stopped with the video: {now.AudioSamples} samples, waiting for {samples}.");
            await Task.Delay(100);
        }
    }

    private static async Task AssertPublishedLayersAsync(SfuView sfu)
    {
        var layers = (await sfu.PublishedVideoAsync()).GetProperty("layers").EnumerateArray().ToList();
        Assert.Equal(["q", "h", "f"], layers.Select(l => l.GetProperty("rid").GetString()));
        Assert.Equal([180, 360, 720], layers.Select(l => l.GetProperty("height").GetInt32()));
        Assert.All(layers, l => Assert.True(l.GetProperty("bitrateKbps").GetDouble() > 0, $"layer {l} is silent"));
    }

    /// <summary>Someone else's participant, a height out of range, or an unknown publisher are refused.</summary>
    private async Task AssertVideoRequestRejectedAsync(TestUser owner, Guid callId, Guid participantId, Guid publisherId)
    {
        using var http = fixture.Sfu.CreateClient();
        var path = $"/api/calls/{callId}/participants/{participantId}/video";
        using (var negative = await http.SendAsync(owner.Request(HttpMethod.Put, path, JsonContent.Create(new { maxHeight = -1 }))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, negative.StatusCode);
            Assert.Contains("maxHeight", await negative.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using (var missing = await http.SendAsync(owner.Request(HttpMethod.Put, path, JsonContent.Create(new { publisherParticipantId = publisherId }))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        }

        using (var stranger = await http.SendAsync(owner.Request(HttpMethod.Put, path, JsonContent.Create(new { maxHeight = 360, publisherParticipantId = Guid.NewGuid() }))))
        {
            Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
            Assert.Contains("publisher-not-found", await stranger.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var notTheirs = await http.SendAsync(owner.Request(HttpMethod.Put, $"/api/calls/{callId}/participants/{publisherId}/video", JsonContent.Create(new { maxHeight = 360 })));
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Contains("participant-not-found", await notTheirs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(int FrameWidth, long FramesDecoded, double AudioSamples)> InboundAsync(IPage page, Guid publisherId)
    {
        var inbound = await page.EvaluateAsync<JsonElement>("id => window.call.inbound().then(all => all[id])", publisherId.ToString());
        return (inbound.GetProperty("frameWidth").GetInt32(), inbound.GetProperty("framesDecoded").GetInt64(), inbound.GetProperty("totalSamplesReceived").GetDouble());
    }

    /// <summary>Watches the switch as <see cref="WatchAsync(IPage, Guid, int, TimeSpan)"/> does and prints it with the SFU's side of it every 250 ms.</summary>
    private async Task<Watch> WatchAsync(SfuView sfu, string phase, IPage page, Guid publisherId, int width, TimeSpan timeout)
    {
        var (watch, lines) = await sfu.WhileAsync(() => WatchAsync(page, publisherId, width, timeout), TimeSpan.FromMilliseconds(250));
        output.WriteLine($"{phase}: {watch}; the SFU meanwhile (subscriber's layer, kbps, fraction lost, REMB and budget | publisher's layers):");
        output.WriteLine(string.Join(Environment.NewLine, lines));
        return watch;
    }

    /// <summary>
    /// Samples the subscriber's inbound video every 100 ms until it decodes frames <paramref name="width"/> wide (and a
    /// second longer, to catch a freeze right after the switch). Freezes are the browser's own count (a frame shown at
    /// least max(3 x the average frame time, the average + 150 ms) after the one before; 5 s or more is a pause): it times
    /// frames as they are delivered for display, so a test page starved of CPU, whose samples come late, is not taken for
    /// a frozen picture. The longest time framesDecoded stood still between two samples is kept for the report.
    /// </summary>
    private static async Task<Watch> WatchAsync(IPage page, Guid publisherId, int width, TimeSpan timeout)
    {
        var result = await page.EvaluateAsync<JsonElement>(
            """
            async ({ id, width, timeoutMs }) => {
              const start = performance.now();
              let frames = -1, changedAt = start, longest = 0, reachedAt = null, last = null, first = null;
              while (performance.now() - start < timeoutMs && (reachedAt === null || performance.now() - reachedAt < 1000)) {
                last = (await window.call.inbound())[id] ?? { frameWidth: 0, framesDecoded: 0, freezeCount: 0, totalFreezesDuration: 0, pauseCount: 0 };
                first ??= last;
                const now = performance.now();
                if (last.framesDecoded !== frames) {
                  if (frames > 0) longest = Math.max(longest, now - changedAt);
                  frames = last.framesDecoded;
                  changedAt = now;
                }
                if (reachedAt === null && last.frameWidth === width) reachedAt = now;
                await new Promise(resolve => setTimeout(resolve, 100));
              }
              longest = Math.max(longest, frames > 0 ? performance.now() - changedAt : 0);
              return {
                reached: reachedAt !== null, afterMs: reachedAt === null ? -1 : reachedAt - start, longestStillMs: longest,
                freezes: last.freezeCount - first.freezeCount, frozenMs: 1000 * (last.totalFreezesDuration - first.totalFreezesDuration),
                pauses: last.pauseCount - first.pauseCount, frameWidth: last.frameWidth, framesDecoded: frames,
              };
            }
            """,
            new { id = publisherId.ToString(), width, timeoutMs = timeout.TotalMilliseconds });
        return new Watch(
            result.GetProperty("reached").GetBoolean(), result.GetProperty("afterMs").GetDouble(),
            result.GetProperty("freezes").GetInt32(), result.GetProperty("frozenMs").GetDouble(), result.GetProperty("pauses").GetInt32(),
            result.GetProperty("longestStillMs").GetDouble(), result.GetProperty("frameWidth").GetInt32(), result.GetProperty("framesDecoded").GetInt64());
    }

    private sealed record Watch(bool Reached, double AfterMs, int Freezes, double FrozenMs, int Pauses, double LongestStillMs, int FrameWidth, long FramesDecoded);
}
