using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.Contracts;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>Two publishers' audio levels through real DTLS-SRTP: who speaks is announced on the bus and shown by the call.</summary>
[Collection(SfuCollection.Name)]
public sealed class DominantSpeakerTests(SfuFixture fixture)
{
    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task The_louder_publisher_becomes_dominant_the_floor_passes_after_the_hold_and_alternating_bursts_do_not_flap()
    {
        using var call = await TwoPartyCall.StartAsync(fixture, clients, SfuClients.Publishing, SfuClients.Publishing);
        var (alice, bob, callId) = (call.Alice, call.Bob, call.CallId);
        await using var aliceVoice = new SpeakingClient(call.AlicePeer);
        await using var bobVoice = new SpeakingClient(call.BobPeer);
        var events = fixture.CallEvents;

        aliceVoice.Level = SpeakingClient.Loud;
        bobVoice.Level = 60;
        var aliceDominant = await events.FirstAsync<CallDominantSpeakerChanged>(e => e.CallId == callId);
        Assert.Equal(alice.Id, aliceDominant.UserId);
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), aliceDominant.ParticipantUserIds.Order());
        Assert.Equal(alice.Id, await DominantSpeakerAsync(bob, callId));

        aliceVoice.Level = SpeakingClient.Silent;
        bobVoice.Level = SpeakingClient.Loud;
        var bobDominant = await events.FirstAsync<CallDominantSpeakerChanged>(e => e.CallId == callId && e.UserId == bob.Id);
        Assert.True(bobDominant.OccurredAt - aliceDominant.OccurredAt >= TimeSpan.FromSeconds(1), "the floor is held at least a second");

        for (var i = 0; i < 8; i++)
        {
            (aliceVoice.Level, bobVoice.Level) = (SpeakingClient.Loud, SpeakingClient.Silent);
            await Task.Delay(150);
            (aliceVoice.Level, bobVoice.Level) = (SpeakingClient.Silent, SpeakingClient.Loud);
            await Task.Delay(150);
        }

        (aliceVoice.Level, bobVoice.Level) = (SpeakingClient.Silent, SpeakingClient.Silent);
        Assert.Equal(bob.Id, await DominantSpeakerAsync(alice, callId));

        // Alice speaking for real is the marker: her next change must be the only one since Bob took the floor.
        var aliceSpeaksAgain = DateTimeOffset.UtcNow;
        aliceVoice.Level = SpeakingClient.Loud;
        await events.FirstAsync<CallDominantSpeakerChanged>(e => e.CallId == callId && e.UserId == alice.Id && e.OccurredAt >= aliceSpeaksAgain);
        Assert.Equal([alice.Id, bob.Id, alice.Id], events.Of<CallDominantSpeakerChanged>(e => e.CallId == callId).Select(e => e.UserId));
    }

    private async Task<Guid?> DominantSpeakerAsync(TestUser user, Guid callId)
    {
        using var http = fixture.Sfu.CreateClient();
        using var response = await http.SendAsync(user.Request(HttpMethod.Get, $"/api/calls/{callId}"));
        var speaker = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("dominantSpeaker");
        return speaker.ValueKind == JsonValueKind.Null ? null : speaker.GetGuid();
    }
}
