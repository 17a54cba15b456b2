using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Tests;

/// <summary>Typing indicators: told to the other members only, throttled, and gone by themselves when not refreshed.</summary>
[Collection(PresenceCollection.Name)]
public sealed class TypingTests(PresenceFixture fixture)
{
    [Fact]
    public async Task The_other_members_see_typing_once_per_throttle_and_the_indicator_expires_by_itself()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.CreateGroupAsync(alice, bob);
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        await WaitForMembershipAsync(alice, roomId);

        await aliceDevice.Connection.InvokeAsync(nameof(ChatHub.StartTyping), roomId);
        await aliceDevice.Connection.InvokeAsync(nameof(ChatHub.StartTyping), roomId);
        var started = await bobDevice.NextAsync(ChatEventNames.TypingStarted);
        Assert.Equal(alice.Id, started.GetProperty("userId").GetGuid());
        Assert.Equal(roomId, started.GetProperty("roomId").GetGuid());
        Assert.Equal((int)PresenceFixture.TypingTtl.TotalMilliseconds, started.GetProperty("expiresInMs").GetInt32());
        Assert.Equal([alice.Id], await TypingAsync(bob, roomId));

        await Task.Delay(PresenceFixture.TypingTtl + TimeSpan.FromMilliseconds(300));
        Assert.Empty(bobDevice.Pending(ChatEventNames.TypingStarted)); // the second call within the throttle was not passed on
        Assert.Empty(aliceDevice.Pending(ChatEventNames.TypingStarted)); // nor told to the typist
        Assert.Empty(await TypingAsync(bob, roomId));
    }

    [Fact]
    public async Task Stopping_clears_the_indicator_at_once_and_outsiders_can_neither_type_nor_look()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var outsider = await fixture.RegisterAsync();
        var roomId = await fixture.CreateGroupAsync(alice, bob);
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[1], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[0], bob);
        await using var outsiderDevice = await HubClient.ConnectAsync(fixture.Instances[0], outsider);
        await WaitForMembershipAsync(alice, roomId);

        await aliceDevice.Connection.InvokeAsync(nameof(ChatHub.StartTyping), roomId);
        await bobDevice.NextAsync(ChatEventNames.TypingStarted);
        await aliceDevice.Connection.InvokeAsync(nameof(ChatHub.StopTyping), roomId);
        Assert.Equal(alice.Id, (await bobDevice.NextAsync(ChatEventNames.TypingStopped)).GetProperty("userId").GetGuid());
        Assert.Empty(await TypingAsync(bob, roomId));

        var refused = await Assert.ThrowsAsync<HubException>(() => outsiderDevice.Connection.InvokeAsync(nameof(ChatHub.StartTyping), roomId));
        Assert.Contains("not a member", refused.Message, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = fixture.Instances[1] };
        using var look = await http.SendAsync(outsider.Request(HttpMethod.Get, $"/api/presence/typing/{roomId}"));
        Assert.Equal(HttpStatusCode.NotFound, look.StatusCode);
    }

    /// <summary>Presence learns a room's members from Messaging's events; wait until the caller can look into the room.</summary>
    private async Task WaitForMembershipAsync(TestUser member, Guid roomId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        using var http = new HttpClient { BaseAddress = fixture.Instances[0] };
        while (true)
        {
            using var response = await http.SendAsync(member.Request(HttpMethod.Get, $"/api/presence/typing/{roomId}"));
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, "Presence never learnt the room's members.");
            await Task.Delay(100);
        }
    }

    private async Task<List<Guid>> TypingAsync(TestUser caller, Guid roomId)
    {
        using var http = new HttpClient { BaseAddress = fixture.Instances[0] };
        using var response = await http.SendAsync(caller.Request(HttpMethod.Get, $"/api/presence/typing/{roomId}"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Select(e => e.GetGuid())];
    }
}
