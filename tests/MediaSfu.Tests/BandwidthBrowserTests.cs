using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// A Chromium publisher sending three simulcast layers (320x180, 640x360, 1280x720) and a Chromium subscriber whose
/// downlink is a bottleneck: a link of limited rate with a 300 ms drop-tail queue between the SFU and its browser.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class BandwidthBrowserTests(SfuFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan LinkQueue = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Watched = TimeSpan.FromSeconds(35);

    [Fact]
    public async Task Behind_a_400_kbps_downlink_the_top_layer_is_not_tried_again_and_video_and_audio_keep_playing()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice, bob);
        await using var browser = await Browser.LaunchAsync(Browser.LoopbackWebRtc);
        await CallPage.JoinAsync(browser, fixture.Gateway, alice, roomId, width: 1280, height: 720, frameRate: 15);
        using var link = new Bottleneck(5000, LinkQueue);
        var subscriber = await browser.Chromium.NewPageAsync();
        subscriber.SetDefaultTimeout(30_000);
        using var relay = await RelayedAnswers.RouteAsync(subscriber, LossyRelay.NoLoss, link);
        await subscriber.GotoAsync(fixture.Gateway.ToString());
        await CallPage.JoinOnAsync(subscriber, bob, roomId);
        var sfu = new SfuView(fixture, alice, bob, Guid.Parse(await subscriber.EvaluateAsync<string>("() => window.call.callId")));
        await WaitForTopLayerAsync(sfu);

        link.KilobitsPerSecond = 400;
        await Task.Delay(Settling);
        var first = await ReceptionAsync(subscriber);
        var seconds = new List<Second>();
        for (var previous = first; seconds.Count < Watched.TotalSeconds;)
        {
            await Task.Delay(1000);
            var now = await ReceptionAsync(subscriber);
            var (video, downlink) = await sfu.ForwardedVideoAsync();
            var rid = video.GetProperty("layer").GetProperty("rid").GetString();
            seconds.Add(new Second(rid, now.FramesDecoded - previous.FramesDecoded, Fraction(now.Concealed - previous.Concealed, now.Samples - previous.Samples)));
            output.WriteLine($"{seconds.Count,3}s: layer {rid} {video.GetProperty("bitrateKbps").GetDouble():0} kbps, frames {seconds[^1].Frames}, audio concealed {seconds[^1].AudioConcealed:0.000}, link dropped {link.Dropped} | {downlink}");
            previous = now;
        }

        var last = await ReceptionAsync(subscriber);
        var concealed = Fraction(last.Concealed - first.Concealed, last.Samples - first.Samples);
        output.WriteLine($"over {Watched.TotalSeconds} s: {last.FramesDecoded - first.FramesDecoded} frames, frozen {last.FreezeSeconds - first.FreezeSeconds:0.0} s, audio concealed {concealed:0.000}");

        // Measured on this 2-core machine with each limit lifted at once after its 10 s hold (as the SFU did before):
        // the top layer (~560-665 kbps) again at the end of every hold, most of it lost in the queue: 4.9 s frozen and
        // 2.1% of the audio concealed over these 35 s (27% in the worst second). Growing back instead: the 160 or 320
        // wide layer only, 0-3.4 s frozen (the 320 wide layer's own rate once grew from 280 to 630 kbps) and 0-0.4% of
        // the audio concealed.
        Assert.DoesNotContain(seconds, s => s.Rid == "f");
        Assert.InRange(concealed, 0, 0.015);
        Assert.InRange(last.FramesDecoded - first.FramesDecoded, 10 * Watched.TotalSeconds, 20 * Watched.TotalSeconds);
        Assert.InRange(last.FreezeSeconds - first.FreezeSeconds, 0, 5);
    }

    private static async Task WaitForTopLayerAsync(SfuView sfu)
    {
        var deadline = DateTime.UtcNow.AddSeconds(45);
        while ((await sfu.ForwardedVideoAsync()).Video.GetProperty("layer").GetProperty("rid").GetString() != "f")
        {
            Assert.True(DateTime.UtcNow < deadline, $"the subscriber never got the top layer on a 5 Mbps link: {await sfu.LineAsync()}");
            await Task.Delay(500);
        }
    }

    private static double Fraction(double part, double whole) => whole <= 0 ? 1 : part / whole;

    private static async Task<Reception> ReceptionAsync(IPage page)
    {
        var stats = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const found = { video: {}, audio: {} };
              (await window.call.peerConnection.getStats()).forEach(r => { if (r.type === 'inbound-rtp') found[r.kind] = r; });
              return found;
            }
            """);
        var (video, audio) = (stats.GetProperty("video"), stats.GetProperty("audio"));
        return new Reception(
            Number(video, "framesDecoded"), Number(video, "totalFreezesDuration"), Number(audio, "totalSamplesReceived"), Number(audio, "concealedSamples"));
    }

    private static double Number(JsonElement stats, string name) => stats.TryGetProperty(name, out var value) ? value.GetDouble() : 0;

    private sealed record Reception(double FramesDecoded, double FreezeSeconds, double Samples, double Concealed);

    private sealed record Second(string? Rid, double Frames, double AudioConcealed);
}
