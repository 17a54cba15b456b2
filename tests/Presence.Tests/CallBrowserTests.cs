using System.Text.Json;
using Microsoft.Playwright;

namespace WebRtcChat.Presence.Tests;

/// <summary>
/// Two headless Chromium pages (fake camera) call each other with the SignalR JS client, signaling through the hub on the
/// two instances, and decode each other's video: directly over loopback, and with relay-only ICE through coturn.
/// </summary>
[Collection(PresenceCollection.Name)]
public sealed class CallBrowserTests(PresenceFixture fixture)
{
    private static readonly string SignalRBundle = Path.Combine(TestFolders.RepositoryRoot, "node_modules", "@microsoft", "signalr", "dist", "browser", "signalr.min.js");
    private static readonly string CallPeerScript = Path.Combine(AppContext.BaseDirectory, "Browser", "call-peer.js");

    [Fact]
    public async Task Two_browsers_set_up_a_video_call_through_the_hub_and_decode_each_others_video()
    {
        var (alice, bob) = await CallAsync(relayOnly: false);

        // Peer to peer on loopback: the remote side may show as peer-reflexive when its check beat its relayed candidate.
        foreach (var peer in new[] { alice, bob })
        {
            Assert.Equal("host", peer.LocalType);
            Assert.Contains(peer.RemoteType, new[] { "host", "prflx" });
        }
    }

    [Fact]
    public async Task With_relay_only_ICE_and_the_served_ice_servers_the_media_goes_through_coturn()
    {
        var (alice, bob) = await CallAsync(relayOnly: true);
        Assert.Equal(("relay", "relay"), (alice.LocalType, alice.RemoteType));
        Assert.Equal(("relay", "relay"), (bob.LocalType, bob.RemoteType));
    }

    private async Task<(PeerStats Alice, PeerStats Bob)> CallAsync(bool relayOnly)
    {
        Assert.True(File.Exists(SignalRBundle), $"{SignalRBundle} is missing: run npm ci in the repository root.");
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var browser = await Browser.LaunchAsync(Browser.LoopbackWebRtc);
        var alicePage = await OpenAsync(browser, fixture.Instances[0], alice, relayOnly);
        var bobPage = await OpenAsync(browser, fixture.Instances[1], bob, relayOnly);

        await alicePage.EvaluateAsync("id => callPeer.invite(id)", bob.Id.ToString());
        return (await DecodingAsync(alicePage), await DecodingAsync(bobPage));
    }

    /// <summary>A page on the Presence instance's origin with the SignalR client and the call client loaded and connected.</summary>
    private static async Task<IPage> OpenAsync(Browser browser, Uri instance, TestUser user, bool relayOnly)
    {
        var iceServers = relayOnly ? (await CallSteps.GetJsonAsync(instance, user, "/api/calls/ice-servers")).GetRawText() : "[]";
        var page = await browser.NewPageAsync(new Uri(instance, "/alive"));
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = SignalRBundle });
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = CallPeerScript });
        await page.EvaluateAsync("options => callPeer.start(options)", new { token = user.AccessToken, iceServers, relayOnly });
        return page;
    }

    /// <summary>Waits for the first decoded frames, then checks more keep coming (the video flows, not one frame).</summary>
    private static async Task<PeerStats> DecodingAsync(IPage page)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        var first = await StatsAsync(page);
        while (first.FramesDecoded == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"No video decoded: {first}");
            await Task.Delay(250);
            first = await StatsAsync(page);
        }

        await Task.Delay(TimeSpan.FromSeconds(2));
        var later = await StatsAsync(page);
        Assert.True(later.FramesDecoded >= first.FramesDecoded + 10, $"Decoding stalled: {first.FramesDecoded} then {later.FramesDecoded} frames.");
        Assert.Empty(later.Problems);
        return later;
    }

    private static async Task<PeerStats> StatsAsync(IPage page) =>
        JsonSerializer.Deserialize<PeerStats>(await page.EvaluateAsync<string>("() => callPeer.stats()"), JsonSerializerOptions.Web)!;

    private sealed record PeerStats(int FramesDecoded, string? LocalType, string? RemoteType, string Ice, IReadOnlyList<string> Problems);
}
