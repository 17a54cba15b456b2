using WebRtcChat.WebRtc.Client;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>A fresh room's call with two users joined through our client stack, both connected on the SFU's side too.</summary>
public sealed record TwoPartyCall(TestUser Alice, TestUser Bob, Guid CallId, ClientPeer AlicePeer, ClientPeer BobPeer) : IDisposable
{
    public static async Task<TwoPartyCall> StartAsync(SfuFixture fixture, SfuClients clients, IReadOnlyList<WebRtc.Sdp.OfferedTrack> alices, IReadOnlyList<WebRtc.Sdp.OfferedTrack> bobs)
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var callId = await clients.CallAsync(alice, await fixture.Messaging.CreateGroupAsync(alice, bob));
        var alicePeer = await clients.JoinAsync(alice, callId, alices);
        var bobPeer = await clients.JoinAsync(bob, callId, bobs);
        await clients.WaitConnectedAsync(alice, callId, participants: 2);
        return new TwoPartyCall(alice, bob, callId, alicePeer, bobPeer);
    }

    public void Dispose()
    {
        AlicePeer.Dispose();
        BobPeer.Dispose();
    }
}
