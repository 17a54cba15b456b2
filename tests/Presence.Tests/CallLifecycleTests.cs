using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Tests;

/// <summary>1:1 calls through the hub across the two instances: ringing, answering, declining, cancelling, timing out, busy.</summary>
[Collection(PresenceCollection.Name)]
public sealed class CallLifecycleTests(PresenceFixture fixture)
{
    [Fact]
    public async Task A_call_rings_on_every_device_and_answering_on_one_stops_the_others()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var bobPhone = await HubClient.ConnectAsync(fixture.Instances[0], bob);
        await using var bobLaptop = await HubClient.ConnectAsync(fixture.Instances[1], bob);

        var callId = await aliceDevice.InviteAsync(bob);
        var ring = await bobPhone.NextAboutAsync(CallEventNames.IncomingCall, callId);
        Assert.Equal(alice.Id, ring.GetProperty("from").GetGuid());
        Assert.Equal(CallMedia.Video, ring.GetProperty("media").GetString());
        Assert.False(ring.GetProperty("busy").GetBoolean());
        await bobLaptop.NextAboutAsync(CallEventNames.IncomingCall, callId);
        var ringing = Assert.Single((await CallSteps.GetJsonAsync(fixture.Instances[1], bob, "/api/calls/active")).EnumerateArray());
        Assert.Equal("ringing", ringing.GetProperty("state").GetString());

        Assert.Equal([alice.Id, bob.Id], (await bobLaptop.AcceptAsync(callId)).Order());
        await bobPhone.NextAboutAsync(CallEventNames.CallAnsweredElsewhere, callId);
        var joined = await aliceDevice.NextAboutAsync(CallEventNames.ParticipantJoined, callId);
        Assert.Equal(bob.Id, joined.GetProperty("userId").GetGuid());
        await CallSteps.RefusedAsync(() => bobPhone.AcceptAsync(callId), "on another device");
        Assert.Empty(bobLaptop.Pending(CallEventNames.CallAnsweredElsewhere));
        var active = Assert.Single((await CallSteps.GetJsonAsync(fixture.Instances[0], alice, "/api/calls/active")).EnumerateArray());
        Assert.Equal("active", active.GetProperty("state").GetString());

        await aliceDevice.Connection.InvokeAsync(nameof(ChatHub.HangUp), callId);
        var ended = await bobLaptop.NextAboutAsync(CallEventNames.CallEnded, callId);
        Assert.Equal(CallOutcomes.Completed, ended.GetProperty("outcome").GetString());
        Assert.Empty((await CallSteps.GetJsonAsync(fixture.Instances[1], bob, "/api/calls/active")).EnumerateArray());
        var entry = await CallSteps.HistoryEntryAsync(fixture.Instances[1], bob, callId);
        Assert.Equal("incoming", entry.GetProperty("direction").GetString());
        Assert.Equal(CallOutcomes.Completed, entry.GetProperty("outcome").GetString());
        Assert.False(entry.GetProperty("missed").GetBoolean());

        // Each transition was published once, though two instances took part.
        var end = Assert.Single(await fixture.CallEvents.SettledAsync<CallEnded>(e => e.CallId == callId));
        Assert.Equal((CallOutcomes.Completed, CallKinds.Direct, 2), (end.Outcome, end.Kind, end.PeakParticipants));
        Assert.Equal([alice.Id, bob.Id], end.ParticipantIds.Order());
        Assert.Single(fixture.CallEvents.Of<CallStarted>(e => e.CallId == callId));
        Assert.Equal(2, fixture.CallEvents.Of<CallParticipantJoined>(e => e.CallId == callId).Count);
        Assert.Equal(2, fixture.CallEvents.Of<CallParticipantLeft>(e => e.CallId == callId).Count);
    }

    [Fact]
    public async Task Declining_ends_the_call_as_rejected_on_every_device()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var bobPhone = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        await using var bobLaptop = await HubClient.ConnectAsync(fixture.Instances[0], bob);

        var callId = await aliceDevice.InviteAsync(bob, CallMedia.Audio);
        await bobLaptop.NextAboutAsync(CallEventNames.IncomingCall, callId);
        await bobPhone.Connection.InvokeAsync(nameof(ChatHub.RejectCall), callId);

        await aliceDevice.NextAboutAsync(CallEventNames.CallRejected, callId);
        await bobLaptop.NextAboutAsync(CallEventNames.CallRejected, callId);
        Assert.Equal(CallOutcomes.Rejected, (await aliceDevice.NextAboutAsync(CallEventNames.CallEnded, callId)).GetProperty("outcome").GetString());
        await CallSteps.RefusedAsync(() => bobLaptop.AcceptAsync(callId), "no such call");
        var end = Assert.Single(await fixture.CallEvents.SettledAsync<CallEnded>(e => e.CallId == callId));
        Assert.Equal(CallOutcomes.Rejected, end.Outcome);
        Assert.Equal(0, end.DurationSeconds);
    }

    [Fact]
    public async Task The_caller_cancelling_stops_the_ringing_and_is_not_a_missed_call()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[1], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[0], bob);

        var callId = await aliceDevice.InviteAsync(bob);
        await bobDevice.NextAboutAsync(CallEventNames.IncomingCall, callId);
        await CallSteps.RefusedAsync(() => bobDevice.Connection.InvokeAsync(nameof(ChatHub.CancelCall), callId), "Only the caller");
        await aliceDevice.Connection.InvokeAsync(nameof(ChatHub.CancelCall), callId);

        Assert.Equal(CallOutcomes.Cancelled, (await bobDevice.NextAboutAsync(CallEventNames.CallEnded, callId)).GetProperty("outcome").GetString());
        var entry = await CallSteps.HistoryEntryAsync(fixture.Instances[0], bob, callId);
        Assert.Equal(CallOutcomes.Cancelled, entry.GetProperty("outcome").GetString());
        Assert.False(entry.GetProperty("missed").GetBoolean());
    }

    [Fact]
    public async Task An_unanswered_call_times_out_as_missed_even_after_the_instance_that_started_it_is_gone()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        Guid callId;
        await using (var doomed = new ServiceFactory<PresenceApp>(fixture.PresenceSettings))
        {
            var aliceDevice = await HubClient.ConnectAsync(doomed.ListenOnFreePort(), alice);
            callId = await aliceDevice.InviteAsync(bob);
            await bobDevice.NextAboutAsync(CallEventNames.IncomingCall, callId);
        }

        // The ring timeout is shorter than the caller's leave grace: the surviving instances time the call out.
        await bobDevice.NextAboutAsync(CallEventNames.CallMissed, callId);
        Assert.Equal(CallOutcomes.Missed, (await bobDevice.NextAboutAsync(CallEventNames.CallEnded, callId)).GetProperty("outcome").GetString());
        var missed = await CallSteps.HistoryEntryAsync(fixture.Instances[0], bob, callId);
        Assert.True(missed.GetProperty("missed").GetBoolean());
        Assert.Equal("incoming", missed.GetProperty("direction").GetString());
        var outgoing = await CallSteps.HistoryEntryAsync(fixture.Instances[1], alice, callId);
        Assert.Equal(CallOutcomes.Missed, outgoing.GetProperty("outcome").GetString());
        Assert.False(outgoing.GetProperty("missed").GetBoolean());
        var end = Assert.Single(await fixture.CallEvents.SettledAsync<CallEnded>(e => e.CallId == callId));
        Assert.Equal([alice.Id], end.ParticipantIds);
    }

    [Fact]
    public async Task A_user_in_a_call_is_busy_unless_they_switch_which_leaves_the_first_call()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var carol = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        await using var carolDevice = await HubClient.ConnectAsync(fixture.Instances[0], carol);
        var first = await aliceDevice.InviteAsync(bob);
        await bobDevice.NextAboutAsync(CallEventNames.IncomingCall, first);
        await bobDevice.AcceptAsync(first);

        var second = await carolDevice.InviteAsync(bob);
        Assert.Equal(bob.Id, (await carolDevice.NextAboutAsync(CallEventNames.CallBusy, second)).GetProperty("userId").GetGuid());
        Assert.True((await bobDevice.NextAboutAsync(CallEventNames.IncomingCall, second)).GetProperty("busy").GetBoolean());
        await CallSteps.RefusedAsync(() => bobDevice.AcceptAsync(second), "switch=true");
        await CallSteps.RefusedAsync(() => aliceDevice.InviteAsync(carol), "already in a call");

        Assert.Equal([bob.Id, carol.Id], (await bobDevice.AcceptAsync(second, switchCalls: true)).Order());
        // bob left for the other call, which leaves alice alone: the call ends and she leaves it too.
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), await aliceDevice.LeftAsync(first, 2));
        Assert.Equal(CallOutcomes.Completed, (await aliceDevice.NextAboutAsync(CallEventNames.CallEnded, first)).GetProperty("outcome").GetString());
        var now = Assert.Single((await CallSteps.GetJsonAsync(fixture.Instances[0], bob, "/api/calls/active")).EnumerateArray());
        Assert.Equal(second, now.GetProperty("callId").GetGuid());
    }

    [Fact]
    public async Task Blocked_users_cannot_call_each_other_and_allowCalls_off_refuses_calls()
    {
        var alice = await fixture.RegisterAsync();
        var blocker = await fixture.RegisterAsync();
        var recluse = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var blockerDevice = await HubClient.ConnectAsync(fixture.Instances[1], blocker);

        await CallSteps.BlockAsync(fixture, blocker, alice);
        await CallSteps.SetPreferencesAsync(fixture, recluse, new { privacy = new { allowCalls = false } });

        await CallSteps.EventuallyRefusedAsync(aliceDevice, blocker, "cannot call this user");
        await CallSteps.RefusedAsync(() => blockerDevice.InviteAsync(alice), "cannot call this user");
        await CallSteps.EventuallyRefusedAsync(aliceDevice, recluse, "does not accept calls");
        await CallSteps.RefusedAsync(() => aliceDevice.InviteAsync(alice), "yourself");
        await CallSteps.RefusedAsync(() => aliceDevice.Connection.InvokeAsync<Guid>(nameof(ChatHub.InviteUser), recluse.Id, "hologram"), "audio or video");

        await CallSteps.SetPreferencesAsync(fixture, recluse, new { privacy = new { allowCalls = true } });
        await using var recluseDevice = await HubClient.ConnectAsync(fixture.Instances[1], recluse);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                var callId = await aliceDevice.InviteAsync(recluse);
                await recluseDevice.NextAboutAsync(CallEventNames.IncomingCall, callId);
                break;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    [Fact]
    public async Task A_dropped_call_connection_can_rejoin_within_the_grace_and_otherwise_leaves_the_call()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        var callId = await aliceDevice.InviteAsync(bob);
        await bobDevice.NextAboutAsync(CallEventNames.IncomingCall, callId);
        await bobDevice.AcceptAsync(callId);

        // bob's connection drops and his client reconnects (a new connection) before the grace ends.
        await bobDevice.DisposeAsync();
        await using var bobReconnected = await HubClient.ConnectAsync(fixture.Instances[0], bob);
        await bobReconnected.Connection.InvokeAsync(nameof(ChatHub.RejoinCall), callId);
        await Task.Delay(PresenceFixture.CallLeaveGrace + TimeSpan.FromSeconds(1));
        Assert.Empty(aliceDevice.Pending(CallEventNames.ParticipantLeft));
        await aliceDevice.Connection.InvokeAsync("ice-candidate", callId, bob.Id, new IceCandidateInit("candidate:1 1 udp 1 127.0.0.1 5000 typ host", "0", 0, null));
        await bobReconnected.NextAboutAsync(CallEventNames.IceCandidate, callId);

        // This time nobody comes back: after the grace bob has left, and alone, alice's call ends.
        await bobReconnected.Connection.StopAsync();
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), await aliceDevice.LeftAsync(callId, 2));
        Assert.Equal(CallOutcomes.Completed, (await aliceDevice.NextAboutAsync(CallEventNames.CallEnded, callId)).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task A_call_left_behind_by_a_crashed_instance_does_not_keep_its_participant_busy()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var carol = await fixture.RegisterAsync();

        // A third instance put alice in a call through its own connection, then died before that connection could close.
        var store = fixture.InstanceServices[0].GetRequiredService<CallStore>();
        var stale = CallState.Start(alice.Id, "connection-on-a-crashed-instance", CallKinds.Direct, CallMedia.Audio, null, [carol.Id], DateTimeOffset.UtcNow);
        await store.CreateAsync(stale, TimeSpan.FromMinutes(5));
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[1], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[0], bob);

        var callId = await aliceDevice.InviteAsync(bob);
        await bobDevice.NextAboutAsync(CallEventNames.IncomingCall, callId);
        Assert.Equal(CallOutcomes.Cancelled, (await CallSteps.HistoryEntryAsync(fixture.Instances[0], alice, stale.Id)).GetProperty("outcome").GetString());
        Assert.Equal(callId, Assert.Single((await CallSteps.GetJsonAsync(fixture.Instances[1], alice, "/api/calls/active")).EnumerateArray()).GetProperty("callId").GetGuid());
    }
}
