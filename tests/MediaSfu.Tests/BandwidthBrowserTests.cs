using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// A Chromium publisher sending three simulcast layers (320x180, 640x360, 1280x720) and a Chromium subscriber whose
/// downlink is a bottleneck: a link of limited rate with a 300 ms drop-tail queue between the SFU and its browser,
/// whose rate the test changes while media flows. The subscriber sends transport-cc feedback, so the SFU's own estimate
/// of that link (with probes before any switch up) chooses its layer.
/// </summary>
[Collection(SfuCollection.Name)]
public sealed class BandwidthBrowserTests(SfuFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan LinkQueue = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Settling = TimeSpan.FromSeconds(8);

    [Fact]
    public async Task The_layer_follows_the_link_down_to_a_paused_video_with_audio_flowing_and_back_up_without_blind_switches()
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
        await WaitForLayerAsync(sfu, "f", TimeSpan.FromSeconds(45), "on a 5 Mbps link at the start");

        link.KilobitsPerSecond = 400;
        await Task.Delay(Settling);
        var at400 = await WatchAsync(subscriber, sfu, link, TimeSpan.FromSeconds(30));

        link.KilobitsPerSecond = 120;
        await Task.Delay(Settling);
        var at120 = await WatchAsync(subscriber, sfu, link, TimeSpan.FromSeconds(10));

        link.KilobitsPerSecond = 5000;
        var backUp = DateTime.UtcNow;
        await WaitForLayerAsync(sfu, "f", TimeSpan.FromSeconds(20), "within 20 s of the link's return to 5 Mbps");
        output.WriteLine($"top layer again {(DateTime.UtcNow - backUp).TotalSeconds:0.0} s after the link came back");

        // At 400 kbit/s the top layer (~560-700 kbit/s) never fits; the probes find the link's rate instead of a switch
        // finding it, so the video keeps playing on a lower layer and the audio is not starved.
        Assert.DoesNotContain(at400.Seconds, s => s.Rid == "f");
        Assert.InRange(at400.AudioConcealed, 0, 0.015);
        Assert.InRange(at400.FramesPerSecond, 10, 20);
        Assert.InRange(at400.FrozenSeconds, 0, 3);

        // At 120 kbit/s no layer fits beside the audio: video pauses, audio flows.
        Assert.All(at120.Seconds, s => Assert.Null(s.Rid));
        Assert.InRange(at120.AudioConcealed, 0, 0.03);
    }

    private async Task<Phase> WatchAsync(IPage subscriber, SfuView sfu, Bottleneck link, TimeSpan watched)
    {
        var first = await ReceptionAsync(subscriber);
        var seconds = new List<Second>();
        for (var previous = first; seconds.Count < watched.TotalSeconds;)
        {
            await Task.Delay(1000);
            var now = await ReceptionAsync(subscriber);
            var (video, downlink) = await sfu.ForwardedVideoAsync();
            var layer = video.GetProperty("layer");
            var rid = layer.GetProperty("paused").GetBoolean() ? null : layer.GetProperty("rid").GetString();
            seconds.Add(new Second(rid, now.FramesDecoded - previous.FramesDecoded, Fraction(now.Concealed - previous.Concealed, now.Samples - previous.Samples)));
            output.WriteLine($"{link.KilobitsPerSecond,5} kbps link {seconds.Count,3}s: layer {rid ?? "paused"} {video.GetProperty("bitrateKbps").GetDouble():0} kbps, frames {seconds[^1].Frames}, audio concealed {seconds[^1].AudioConcealed:0.000}, link dropped {link.Dropped} | {downlink}");
            previous = now;
        }

        var last = await ReceptionAsync(subscriber);
        var phase = new Phase(
            seconds, (last.FramesDecoded - first.FramesDecoded) / watched.TotalSeconds, last.FreezeSeconds - first.FreezeSeconds, Fraction(last.Concealed - first.Concealed, last.Samples - first.Samples));
        output.WriteLine($"{link.KilobitsPerSecond} kbps over {watched.TotalSeconds} s: {phase.FramesPerSecond:0.0} frames/s, frozen {phase.FrozenSeconds:0.0} s, audio concealed {phase.AudioConcealed:0.000}");
        return phase;
    }

    private async Task WaitForLayerAsync(SfuView sfu, string rid, TimeSpan within, string when)
    {
        var deadline = DateTime.UtcNow + within;
        while ((await sfu.ForwardedVideoAsync()).Video.GetProperty("layer") is var layer && (layer.GetProperty("paused").GetBoolean() || layer.GetProperty("rid").GetString() != rid))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the subscriber did not get layer {rid} {when}: {await sfu.LineAsync()}");
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

    private sealed record Phase(IReadOnlyList<Second> Seconds, double FramesPerSecond, double FrozenSeconds, double AudioConcealed);
}
