using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Ice;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Our own client stack joining calls through the SFU's API (<paramref name="http"/> reaches it), as the load generator does.</summary>
public sealed class SfuClients(Func<HttpClient> http)
{
    public SfuClients(SfuFixture fixture)
        : this(() => fixture.Sfu.CreateClient())
    {
    }

    public static readonly OfferedTrack[] Publishing = [new("audio", MediaDirection.SendOnly), new("video", MediaDirection.SendOnly)];

    public static readonly OfferedTrack[] Receiving = [new("audio", MediaDirection.RecvOnly), new("video", MediaDirection.RecvOnly)];

    /// <summary>The room's call (created or already live).</summary>
    public async Task<Guid> CallAsync(TestUser user, Guid roomId)
    {
        using var client = http();
        using var response = await client.SendAsync(user.Request(HttpMethod.Post, "/api/calls/group", JsonContent.Create(new { roomId })));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// Joins <paramref name="callId"/> with a new client peer offering <paramref name="tracks"/> (the offer changed by
    /// <paramref name="edit"/> when given; the answer by <paramref name="answer"/>, e.g. to reach the SFU through a
    /// relay), connected when this returns.
    /// </summary>
    public async Task<ClientPeer> JoinAsync(
        TestUser user, Guid callId, IReadOnlyList<OfferedTrack> tracks, Action<SessionDescription>? edit = null, Func<string, string>? answer = null) =>
        (await JoinWithCandidateAsync(user, callId, tracks, edit, answer)).Peer;

    /// <summary>Joins <paramref name="callId"/> with <paramref name="peer"/> (its offer possibly edited), connected when this returns.</summary>
    public async Task<ClientPeer> JoinAsync(TestUser user, Guid callId, ClientPeer peer) => (await JoinWithCandidateAsync(user, callId, peer, answer: null)).Peer;

    /// <summary>As <see cref="JoinAsync(TestUser, Guid, IReadOnlyList{OfferedTrack}, Action{SessionDescription}?, Func{string, string}?)"/>, with the SFU's candidate in the answer: where the peer sends its media.</summary>
    public Task<(ClientPeer Peer, IceCandidate Candidate)> JoinWithCandidateAsync(
        TestUser user, Guid callId, IReadOnlyList<OfferedTrack> tracks, Action<SessionDescription>? edit = null, Func<string, string>? answer = null)
    {
        var peer = new ClientPeer(tracks);
        edit?.Invoke(peer.Offer);
        return JoinWithCandidateAsync(user, callId, peer, answer);
    }

    private async Task<(ClientPeer Peer, IceCandidate Candidate)> JoinWithCandidateAsync(TestUser user, Guid callId, ClientPeer peer, Func<string, string>? answer)
    {
        var (status, body) = await PostOfferAsync(user, callId, peer.OfferText);
        Assert.Equal(HttpStatusCode.OK, status);
        var sdp = body.GetProperty("sdp").GetString()!;
        await peer.ConnectAsync(answer is null ? sdp : answer(sdp)).WaitAsync(TimeSpan.FromSeconds(15));
        Assert.True(SdpParser.TryParse(sdp, out var description, out var error), error);
        return (peer, description!.Media[0].Candidates[0]);
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> PostOfferAsync(TestUser user, Guid callId, string sdp)
    {
        using var client = http();
        using var response = await client.SendAsync(user.Request(HttpMethod.Post, $"/api/calls/{callId}/join", JsonContent.Create(new { sdp })));
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement);
    }

    public async Task LeaveAsync(TestUser user, Guid callId)
    {
        using var client = http();
        using var response = await client.SendAsync(user.Request(HttpMethod.Post, $"/api/calls/{callId}/leave"));
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Waits until the SFU forwards no layer of <paramref name="publisherId"/>'s video to <paramref name="subscriberId"/>.</summary>
    public async Task WaitForVideoPausedAsync(TestUser viewer, Guid callId, Guid subscriberId, Guid publisherId)
    {
        using var client = http();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            using var response = await client.SendAsync(viewer.Request(HttpMethod.Get, $"/api/calls/{callId}"));
            var video = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("participants").EnumerateArray()
                .Single(p => p.GetProperty("participantId").GetGuid() == subscriberId).GetProperty("receiving").EnumerateArray()
                .Single(r => r.GetProperty("fromParticipantId").GetGuid() == publisherId && r.GetProperty("kind").GetString() == "video");
            if (video.GetProperty("layer").GetProperty("paused").GetBoolean())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The SFU still forwards video after a request for 0 px: {video}");
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until the SFU reports every participant of the call connected (DTLS done on its side too).</summary>
    public async Task WaitConnectedAsync(TestUser user, Guid callId, int participants)
    {
        using var client = http();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            using var response = await client.SendAsync(user.Request(HttpMethod.Get, $"/api/calls/{callId}/stats"));
            var all = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("participants").EnumerateArray().ToList();
            if (all.Count == participants && all.All(p => p.GetProperty("connected").GetBoolean()))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "The SFU never saw every participant connected.");
            await Task.Delay(50);
        }
    }
}
