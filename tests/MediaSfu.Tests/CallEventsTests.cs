using WebRtcChat.Contracts;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>An SFU call's life on the bus, once per transition: started, each user joined and left, ended with its numbers.</summary>
[Collection(SfuCollection.Name)]
public sealed class CallEventsTests(SfuFixture fixture)
{
    private readonly SfuClients clients = new(fixture);

    [Fact]
    public async Task A_call_announces_its_start_each_join_and_leave_and_its_end_once()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.Messaging.CreateGroupAsync(alice, bob);
        var callId = await clients.CallAsync(alice, roomId);
        await clients.CallAsync(bob, roomId);
        using (await clients.JoinAsync(alice, callId, SfuClients.Publishing))
        using (await clients.JoinAsync(bob, callId, SfuClients.Receiving))
        using (var secondDevice = await clients.JoinAsync(bob, callId, SfuClients.Receiving))
        {
            await clients.LeaveAsync(bob, callId);
            await clients.LeaveAsync(alice, callId);
        }

        var events = fixture.CallEvents;
        var started = Assert.Single(await events.SettledAsync<CallStarted>(e => e.CallId == callId));
        Assert.Equal((roomId, alice.Id, CallKinds.Sfu), (started.RoomId!.Value, started.InitiatorId, started.Kind));
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), (await events.SettledAsync<CallParticipantJoined>(e => e.CallId == callId, 2)).Select(e => e.UserId).Order());
        Assert.Equal(new[] { bob.Id, alice.Id }, (await events.SettledAsync<CallParticipantLeft>(e => e.CallId == callId, 2)).Select(e => e.UserId));
        var ended = Assert.Single(await events.SettledAsync<CallEnded>(e => e.CallId == callId));
        Assert.Equal((CallOutcomes.Completed, CallKinds.Sfu, 2), (ended.Outcome, ended.Kind, ended.PeakParticipants));
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), ended.ParticipantIds.Order());
    }
}
