using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using WebRtcChat.Contracts;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Two SFU nodes behind the gateway: a call lives on one node, every request about it is served there, and a node's death ends its calls.</summary>
[Collection(SfuCollection.Name)]
public sealed class ScaleOutTests(SfuFixture fixture) : IAsyncLifetime
{
    private SfuCluster cluster = null!;
    private SfuClients clients = null!;

    public async Task InitializeAsync()
    {
        cluster = await SfuCluster.StartAsync(fixture);
        clients = new SfuClients(cluster.GatewayClient);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    [Fact]
    public async Task A_call_created_through_the_gateway_lives_on_one_node_and_every_participant_is_routed_there()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(alice, await fixture.Messaging.CreateGroupAsync(alice, bob));
        var host = await NodeOfAsync(alice, callId);
        Assert.Contains(host.Node, cluster.Nodes.Keys);
        Assert.True(host.Live);

        var (publisher, publisherCandidate) = await clients.JoinWithCandidateAsync(alice, callId, SfuClients.Publishing);
        using var publishing = publisher;
        var (subscriber, subscriberCandidate) = await clients.JoinWithCandidateAsync(bob, callId, SfuClients.Receiving);
        using var subscribing = subscriber;
        var elsewhere = cluster.Nodes.Single(node => node.Key != host.Node).Value;
        using (var direct = new HttpClient { BaseAddress = elsewhere.Url })
        using (var refused = await direct.SendAsync(bob.Request(HttpMethod.Post, $"/api/calls/{callId}/join", JsonContent.Create(new { sdp = publisher.OfferText }))))
        {
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
            Assert.EndsWith("call-hosted-elsewhere", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(host.MediaPort, publisherCandidate.Port);
        Assert.Equal(host.MediaPort, subscriberCandidate.Port);
        await clients.WaitConnectedAsync(alice, callId, participants: 2);

        var stream = await RtpStream.ForwardAsync(publisher, subscriber);
        Assert.Equal(stream.Sent.Count, stream.Received.Count);
    }

    [Fact]
    public async Task Killing_the_node_hosting_a_call_ends_it_for_its_participants_and_the_room_starts_again_on_the_live_node()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice, bob);
        var callId = await clients.CallAsync(alice, roomId);
        var host = await NodeOfAsync(alice, callId);
        using var publisher = await clients.JoinAsync(alice, callId, SfuClients.Publishing);
        using var subscriber = await clients.JoinAsync(bob, callId, SfuClients.Receiving);

        await cluster.KillAsync(host.Node);
        var sinceKill = Stopwatch.StartNew();
        var call = await EndedCallAsync(alice, callId, SfuCluster.Expiry + (2 * SfuCluster.Heartbeat) + TimeSpan.FromSeconds(2));
        Assert.True(sinceKill.Elapsed >= SfuCluster.Expiry - SfuCluster.Heartbeat, $"the call ended {sinceKill.Elapsed} after the kill, before the node's registration could expire");
        Assert.Equal(CallEndReasons.NodeLost, call.GetProperty("endReason").GetString());
        Assert.Empty(call.GetProperty("participants").EnumerateArray());

        var ended = Assert.Single(await fixture.CallEvents.SettledAsync<CallEnded>(e => e.CallId == callId));
        Assert.Equal((CallOutcomes.Failed, CallEndReasons.NodeLost, CallKinds.Sfu), (ended.Outcome, ended.Reason, ended.Kind));
        var left = await fixture.CallEvents.SettledAsync<CallParticipantLeft>(e => e.CallId == callId, expected: 2);
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), left.Select(e => e.UserId).Order());

        var nextCallId = await clients.CallAsync(alice, roomId);
        Assert.NotEqual(callId, nextCallId);
        var survivor = cluster.Nodes.Keys.Single(name => name != host.Node);
        Assert.Equal(survivor, (await NodeOfAsync(alice, nextCallId)).Node);
        using var rejoined = await clients.JoinAsync(alice, nextCallId, SfuClients.Publishing);
    }

    [Fact]
    public async Task Browsers_whose_node_dies_rejoin_the_room_on_the_live_node_and_see_each_other_again()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice, bob);
        await using var browser = await Browser.LaunchAsync();
        var alicePage = await JoinInBrowserAsync(browser, alice, roomId);
        var bobPage = await JoinInBrowserAsync(browser, bob, roomId);
        var callId = await CallIdAsync(alicePage);
        Assert.Equal(callId, await CallIdAsync(bobPage));
        await WaitForVideoAsync(bobPage, id => id == callId);

        var host = await NodeOfAsync(alice, callId);
        await cluster.KillAsync(host.Node);

        var survivor = cluster.Nodes.Keys.Single(name => name != host.Node);
        foreach (var page in new[] { alicePage, bobPage })
        {
            var rejoined = await WaitForVideoAsync(page, id => id != callId);
            Assert.Equal(survivor, (await NodeOfAsync(alice, rejoined)).Node);
        }
    }

    private async Task<IPage> JoinInBrowserAsync(Browser browser, TestUser user, Guid roomId)
    {
        var page = await browser.NewPageAsync(cluster.GatewayUrl);
        await page.EvaluateAsync(
            """
            async ({ token, roomId }) => {
              const { GroupCall } = await import('/js/group-call.js');
              const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 320, height: 240, frameRate: 15 } });
              const call = new GroupCall({ token, container: document.body, pollMilliseconds: 300 });
              window.callErrors = [];
              call.addEventListener('error', event => window.callErrors.push(String(event.detail)));
              window.call = await call.join(roomId, stream);
            }
            """,
            new { token = user.AccessToken, roomId });
        return page;
    }

    private static async Task<Guid> CallIdAsync(IPage page) => Guid.Parse(await page.EvaluateAsync<string>("() => window.call.callId"));

    /// <summary>Waits until the page decodes video from the other participant in a call that <paramref name="accept"/>s; returns that call.</summary>
    private static async Task<Guid> WaitForVideoAsync(IPage page, Func<Guid, bool> accept)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var callId = await CallIdAsync(page);
            var frames = await page.EvaluateAsync<long>(
                "() => window.call.receiving().then(all => Object.values(all).reduce((sum, r) => sum + r.framesDecoded, 0), () => 0)");
            if (accept(callId) && frames > 0)
            {
                return callId;
            }

            if (waited.Elapsed >= TimeSpan.FromSeconds(30))
            {
                // What the page knows, for the failure message: whom it sees in the call, what each sends it, what went wrong.
                var seen = await page.EvaluateAsync<string>("() => window.call.inbound().then(all => JSON.stringify({ participants: window.call.participants, inbound: all, errors: window.callErrors }))");
                Assert.Fail($"no video decoded in an expected call (in {callId}, {frames} frames; the page: {seen})");
            }

            await Task.Delay(250);
        }
    }

    private async Task<CallNode> NodeOfAsync(TestUser user, Guid callId)
    {
        using var http = cluster.GatewayClient();
        using var response = await http.SendAsync(user.Request(HttpMethod.Get, $"/api/calls/{callId}/node"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var node = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var media = node.GetProperty("mediaAddress").GetString() ?? string.Empty;
        return new CallNode(node.GetProperty("node").GetString()!, node.GetProperty("live").GetBoolean(), int.Parse(media[(media.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture));
    }

    /// <summary>The call as its members read it through the gateway, once it reads as ended (within <paramref name="within"/>).</summary>
    private async Task<JsonElement> EndedCallAsync(TestUser user, Guid callId, TimeSpan within)
    {
        using var http = cluster.GatewayClient();
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            using var response = await http.SendAsync(user.Request(HttpMethod.Get, $"/api/calls/{callId}"));
            if (response.IsSuccessStatusCode)
            {
                var call = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
                if (call.GetProperty("endedAt").ValueKind != JsonValueKind.Null)
                {
                    return call;
                }
            }

            Assert.True(deadline.Elapsed < within, $"the call did not read as ended within {within} of its node's death");
            await Task.Delay(100);
        }
    }

    private sealed record CallNode(string Node, bool Live, int MediaPort);
}
