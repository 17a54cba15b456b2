using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Tests;

/// <summary>A room's mesh call: only members join, signaling is relayed only between participants, a fifth moves it to the SFU.</summary>
[Collection(PresenceCollection.Name)]
public sealed class CallMeshTests(PresenceFixture fixture)
{
    private const string JoinGroupCall = "join-group-call";

    [Fact]
    public async Task Members_join_a_room_call_signal_only_among_participants_and_a_fifth_moves_it_to_the_sfu()
    {
        var users = new List<TestUser>();
        for (var i = 0; i < 6; i++)
        {
            users.Add(await fixture.RegisterAsync());
        }

        var (alice, bob, carol, dave, erin, mallory) = (users[0], users[1], users[2], users[3], users[4], users[5]);
        var roomId = await fixture.CreateGroupAsync(alice, bob, carol, dave, erin);
        var devices = new Dictionary<TestUser, HubClient>();
        for (var i = 0; i < users.Count; i++)
        {
            devices[users[i]] = await HubClient.ConnectAsync(fixture.Instances[i % 2], users[i]);
        }

        await using var bobSecondDevice = await HubClient.ConnectAsync(fixture.Instances[0], bob);
        try
        {
            var callId = await StartRoomCallAsync(devices[alice], roomId);
            var ring = await devices[erin].NextAboutAsync(CallEventNames.IncomingCall, callId);
            Assert.Equal((CallKinds.Mesh, roomId), (ring.GetProperty("kind").GetString(), ring.GetProperty("roomId").GetGuid()));
            await CallSteps.RefusedAsync(() => devices[mallory].Connection.InvokeAsync<List<Guid>>(JoinGroupCall, roomId, false), "not a member");
            await CallSteps.RefusedAsync(() => devices[mallory].AcceptAsync(callId), "not a member");
            await CallSteps.RefusedAsync(() => devices[mallory].Connection.InvokeAsync<Guid>(nameof(ChatHub.InviteRoom), roomId, CallMedia.Audio), "not a member");

            foreach (var member in new[] { bob, carol, dave })
            {
                Assert.Contains(member.Id, await devices[member].Connection.InvokeAsync<List<Guid>>(JoinGroupCall, roomId, false));
                Assert.Equal(member.Id, (await devices[alice].NextAboutAsync(CallEventNames.ParticipantJoined, callId)).GetProperty("userId").GetGuid());
            }

            await devices[bob].Connection.InvokeAsync("group-offer", callId, carol.Id, new SessionDescription("offer", "v=0 bob-to-carol"));
            var offer = await devices[carol].NextAboutAsync(CallEventNames.GroupOffer, callId);
            Assert.Equal(bob.Id, offer.GetProperty("from").GetGuid());
            Assert.Equal("v=0 bob-to-carol", offer.GetProperty("description").GetProperty("sdp").GetString());
            await devices[carol].Connection.InvokeAsync("group-answer", callId, bob.Id, new SessionDescription("answer", "v=0 carol-to-bob"));
            Assert.Equal("answer", (await devices[bob].NextAboutAsync(CallEventNames.GroupAnswer, callId)).GetProperty("description").GetProperty("type").GetString());
            await devices[carol].Connection.InvokeAsync("ice-candidate", callId, bob.Id, new IceCandidateInit("candidate:1 1 udp 1 127.0.0.1 5000 typ host", "0", 0, null));
            Assert.Equal(carol.Id, (await devices[bob].NextAboutAsync(CallEventNames.IceCandidate, callId)).GetProperty("from").GetGuid());

            var offerToErin = () => devices[bob].Connection.InvokeAsync("group-offer", callId, erin.Id, new SessionDescription("offer", "v=0"));
            await CallSteps.RefusedAsync(offerToErin, "recipient is not a participant");
            await CallSteps.RefusedAsync(() => bobSecondDevice.Connection.InvokeAsync("group-offer", callId, carol.Id, new SessionDescription("offer", "v=0")), "not a participant of this call");
            await CallSteps.RefusedAsync(() => devices[mallory].Connection.InvokeAsync("ice-candidate", callId, carol.Id, new IceCandidateInit("candidate:x", "0", 0, null)), "not a participant of this call");
            Assert.Empty(devices[carol].Pending(CallEventNames.GroupOffer));
            Assert.Empty(devices[carol].Pending(CallEventNames.IceCandidate));

            Assert.Empty(await devices[erin].Connection.InvokeAsync<List<Guid>>(JoinGroupCall, roomId, false));
            foreach (var user in new[] { erin, alice, bob, carol, dave })
            {
                Assert.Equal(roomId, (await devices[user].NextAboutAsync(CallEventNames.SwitchToSfu, callId)).GetProperty("roomId").GetGuid());
            }

            foreach (var member in new[] { alice, bob, carol, dave })
            {
                await devices[member].Connection.InvokeAsync(nameof(ChatHub.HangUp), callId);
            }

            var end = Assert.Single(await fixture.CallEvents.SettledAsync<CallEnded>(e => e.CallId == callId));
            Assert.Equal((CallOutcomes.Completed, CallKinds.Mesh, 4), (end.Outcome, end.Kind, end.PeakParticipants));
            Assert.Single(fixture.CallEvents.Of<CallStarted>(e => e.CallId == callId && e.RoomId == roomId));
        }
        finally
        {
            foreach (var device in devices.Values)
            {
                await device.DisposeAsync();
            }
        }
    }

    /// <summary>Starts the room's call once Presence has learnt of the new room from Messaging's event.</summary>
    private static async Task<Guid> StartRoomCallAsync(HubClient caller, Guid roomId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                return await caller.Connection.InvokeAsync<Guid>(nameof(ChatHub.InviteRoom), roomId, CallMedia.Audio);
            }
            catch (HubException refused) when (refused.Message.Contains("not a member", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
