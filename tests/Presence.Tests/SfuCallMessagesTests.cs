using Microsoft.AspNetCore.SignalR.Client;
using WebRtcChat.Contracts;
using WebRtcChat.Presence.Calls;

namespace WebRtcChat.Presence.Tests;

/// <summary>The hub's side of SFU calls: who speaks (from MediaSfu's events) and the video quality a viewer asks for.</summary>
[Collection(PresenceCollection.Name)]
public sealed class SfuCallMessagesTests(PresenceFixture fixture)
{
    private const string SetVideoQuality = "set-call-video-quality";

    [Fact]
    public async Task The_users_in_an_sfu_call_are_told_its_dominant_speaker_and_nobody_else_is()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var stranger = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        await using var strangerDevice = await HubClient.ConnectAsync(fixture.Instances[0], stranger);
        var callId = Guid.CreateVersion7();

        await fixture.CallEvents.PublishAsync(new CallDominantSpeakerChanged(callId, bob.Id, [alice.Id, bob.Id], DateTimeOffset.UtcNow));

        foreach (var device in new[] { aliceDevice, bobDevice })
        {
            var pushed = await device.NextAsync(CallEventNames.DominantSpeaker);
            Assert.Equal((callId, bob.Id), (pushed.GetProperty("callId").GetGuid(), pushed.GetProperty("userId").GetGuid()));
        }

        await Task.Delay(500);
        Assert.Empty(strangerDevice.Pending(CallEventNames.DominantSpeaker));
    }

    [Fact]
    public async Task Asking_for_a_video_quality_publishes_it_for_the_sfu()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[1], alice);
        var callId = Guid.CreateVersion7();

        await aliceDevice.Connection.InvokeAsync(SetVideoQuality, callId, 180, bob.Id);
        await aliceDevice.Connection.InvokeAsync(SetVideoQuality, callId, 0, null);

        var fromBob = await fixture.CallEvents.FirstAsync<CallVideoQualityRequested>(e => e.CallId == callId && e.PublisherUserId == bob.Id);
        Assert.Equal((alice.Id, 180), (fromBob.UserId, fromBob.MaxHeight));
        var paused = await fixture.CallEvents.FirstAsync<CallVideoQualityRequested>(e => e.CallId == callId && e.PublisherUserId == null);
        Assert.Equal((alice.Id, 0), (paused.UserId, paused.MaxHeight));
    }

    [Fact]
    public async Task A_video_quality_out_of_range_or_for_ones_own_video_is_refused_and_not_published()
    {
        var alice = await fixture.RegisterAsync();
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        var callId = Guid.CreateVersion7();

        await CallSteps.RefusedAsync(() => aliceDevice.Connection.InvokeAsync(SetVideoQuality, callId, VideoQualityRequest.MaxHeight + 1, null), "between 0 (pause) and 4320");
        await CallSteps.RefusedAsync(() => aliceDevice.Connection.InvokeAsync(SetVideoQuality, callId, -1, null), "maxHeight");
        await CallSteps.RefusedAsync(() => aliceDevice.Connection.InvokeAsync(SetVideoQuality, callId, 720, alice.Id), "another participant");
        await CallSteps.RefusedAsync(() => aliceDevice.Connection.InvokeAsync(SetVideoQuality, Guid.Empty, 720, null), "callId is required");

        await aliceDevice.Connection.InvokeAsync(SetVideoQuality, callId, VideoQualityRequest.MaxHeight, null);
        await fixture.CallEvents.FirstAsync<CallVideoQualityRequested>(e => e.CallId == callId);
        Assert.Equal([VideoQualityRequest.MaxHeight], fixture.CallEvents.Of<CallVideoQualityRequested>(e => e.UserId == alice.Id).Select(e => e.MaxHeight));
    }
}
