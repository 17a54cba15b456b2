using System.Net;
using System.Net.Http.Headers;
using WebRtcChat.WebRtc.Client;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>WHIP publishing into a call and WHEP playing from it, as standard tools do it: SDP in, SDP out, DELETE to end.</summary>
[Collection(SfuCollection.Name)]
public sealed class WhipTests(SfuFixture fixture)
{
    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task A_whip_publisher_reaches_a_whep_player_and_delete_ends_the_session()
    {
        var streamer = await fixture.RegisterAsync();
        var viewer = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(streamer, await fixture.Messaging.CreateGroupAsync(streamer, viewer));

        using var publisher = new ClientPeer(SfuClients.Publishing);
        var (publishing, publisherAnswer) = await PostSdpAsync(streamer, $"/api/calls/{callId}/whip", publisher.OfferText);
        await publisher.ConnectAsync(publisherAnswer);
        using var player = new ClientPeer(SfuClients.Receiving);
        var (playing, playerAnswer) = await PostSdpAsync(viewer, $"/api/calls/{callId}/whep", player.OfferText);
        await player.ConnectAsync(playerAnswer);
        await clients.WaitConnectedAsync(streamer, callId, participants: 2);

        var stream = await RtpStream.ForwardAsync(publisher, player);
        Assert.Equal(stream.Sent.Count, stream.Received.Count);

        using var http = fixture.Sfu.CreateClient();
        using (var end = await http.SendAsync(streamer.Request(HttpMethod.Delete, publishing.ToString())))
        {
            Assert.Equal(HttpStatusCode.OK, end.StatusCode);
        }

        using (var again = await http.SendAsync(streamer.Request(HttpMethod.Delete, publishing.ToString())))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        using (var others = await http.SendAsync(streamer.Request(HttpMethod.Delete, playing.ToString())))
        {
            Assert.Equal(HttpStatusCode.Conflict, others.StatusCode);
        }
    }

    [Fact]
    public async Task Whip_takes_only_sdp_from_room_members()
    {
        var streamer = await fixture.RegisterAsync();
        var stranger = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(streamer, await fixture.Messaging.CreateGroupAsync(streamer));
        using var http = fixture.Sfu.CreateClient();

        using (var json = await http.SendAsync(streamer.Request(HttpMethod.Post, $"/api/calls/{callId}/whip", new StringContent("{}", MediaTypeHeaderValue.Parse("application/json")))))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        }

        using (var garbage = await http.SendAsync(streamer.Request(HttpMethod.Post, $"/api/calls/{callId}/whip", Sdp("v=0\r\nnonsense"))))
        {
            Assert.Equal(HttpStatusCode.BadRequest, garbage.StatusCode);
            Assert.Contains("not valid SDP", await garbage.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var outsider = await http.SendAsync(stranger.Request(HttpMethod.Post, $"/api/calls/{callId}/whip", Sdp(new ClientPeer(SfuClients.Publishing).OfferText)));
        Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
    }

    private async Task<(Uri Location, string Answer)> PostSdpAsync(TestUser user, string path, string offer)
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(user.Request(HttpMethod.Post, path, Sdp(offer)));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/sdp", response.Content.Headers.ContentType?.MediaType);
        return (response.Headers.Location!, await response.Content.ReadAsStringAsync());
    }

    private static StringContent Sdp(string sdp) => new(sdp, MediaTypeHeaderValue.Parse("application/sdp"));
}
