using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Tests;

/// <summary>Call signaling over the MessagePack protocol, relayed to and from a JSON client.</summary>
[Collection(PresenceCollection.Name)]
public sealed class CallMessagePackTests(PresenceFixture fixture)
{
    [Fact]
    public async Task Session_descriptions_cross_between_a_MessagePack_and_a_JSON_participant()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var alicePacked = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Instances[0], ChatHub.Path), HttpTransportType.WebSockets, options => options.AccessTokenProvider = () => Task.FromResult<string?>(alice.AccessToken))
            .AddMessagePackProtocol()
            .Build();
        var offered = new TaskCompletionSource<RelayedDescription>(TaskCreationOptions.RunContinuationsAsynchronously);
        alicePacked.On<RelayedDescription>(CallEventNames.GroupOffer, offer => offered.TrySetResult(offer));
        await alicePacked.StartAsync();
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);

        var callId = await alicePacked.InvokeAsync<Guid>(nameof(ChatHub.InviteUser), bob.Id, CallMedia.Video);
        await bobDevice.NextAboutAsync(CallEventNames.IncomingCall, callId);
        await bobDevice.AcceptAsync(callId);
        await bobDevice.Connection.InvokeAsync("group-offer", callId, alice.Id, new SessionDescription("offer", "v=0 from-json"));

        var offer = await offered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal((callId, bob.Id, "offer", "v=0 from-json"), (offer.CallId, offer.From, offer.Description.Type, offer.Description.Sdp));
        await alicePacked.InvokeAsync("group-answer", callId, bob.Id, new SessionDescription("answer", "v=0 from-msgpack"));
        var answer = await bobDevice.NextAboutAsync(CallEventNames.GroupAnswer, callId);
        Assert.Equal("v=0 from-msgpack", answer.GetProperty("description").GetProperty("sdp").GetString());
    }
}
