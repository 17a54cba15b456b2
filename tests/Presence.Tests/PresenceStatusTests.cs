using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Presence.Hubs;
using WebRtcChat.Presence.Status;

namespace WebRtcChat.Presence.Tests;

/// <summary>Presence status across devices and instances, its expiry when an instance dies, and who may see it.</summary>
[Collection(PresenceCollection.Name)]
public sealed class PresenceStatusTests(PresenceFixture fixture)
{
    [Fact]
    public async Task A_user_is_online_while_any_device_is_connected_and_offline_after_the_last_one_plus_grace()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        await fixture.CreateGroupAsync(alice, bob);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[0], bob);
        await WaitUntilAsync(bob, alice.Id, PresenceStatuses.Offline);

        var phone = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var laptop = await HubClient.ConnectAsync(fixture.Instances[1], alice);
        Assert.Equal(PresenceStatuses.Online, (await NextAboutAsync(bobDevice, alice.Id)).GetProperty("status").GetString());
        Assert.Equal(PresenceStatuses.Online, (await PresenceOfAsync(bob, alice.Id)).GetProperty("status").GetString());

        await laptop.Connection.InvokeAsync(nameof(ChatHub.SetStatus), PresenceStatuses.Busy, "In a meeting");
        var busy = await NextAboutAsync(bobDevice, alice.Id);
        Assert.Equal(PresenceStatuses.Busy, busy.GetProperty("status").GetString());
        Assert.Equal("In a meeting", busy.GetProperty("statusText").GetString());
        await Assert.ThrowsAsync<HubException>(() => laptop.Connection.InvokeAsync(nameof(ChatHub.SetStatus), PresenceStatuses.Offline, (string?)null));

        await phone.DisposeAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(PresenceStatuses.Busy, (await PresenceOfAsync(bob, alice.Id)).GetProperty("status").GetString());

        await laptop.Connection.StopAsync();
        var offline = await NextAboutAsync(bobDevice, alice.Id);
        Assert.Equal(PresenceStatuses.Offline, offline.GetProperty("status").GetString());
        Assert.NotEqual(JsonValueKind.Null, offline.GetProperty("lastSeen").ValueKind);
    }

    [Fact]
    public async Task The_connections_of_a_crashed_instance_expire_and_the_user_goes_offline()
    {
        var carol = await fixture.RegisterAsync();
        var watcher = await fixture.RegisterAsync();
        await fixture.CreateGroupAsync(carol, watcher);
        await using var watcherDevice = await HubClient.ConnectAsync(fixture.Instances[1], watcher);
        await WaitUntilAsync(watcher, carol.Id, PresenceStatuses.Offline);

        // A third instance registered carol's connection in the shared store, then died: nobody vouches for it any more.
        var store = fixture.InstanceServices[0].GetRequiredService<PresenceStore>();
        Assert.True(await store.ConnectAsync(carol.Id, "connection-on-a-crashed-instance"));
        Assert.Equal(PresenceStatuses.Online, (await PresenceOfAsync(watcher, carol.Id)).GetProperty("status").GetString());

        var offline = await NextAboutAsync(watcherDevice, carol.Id, PresenceFixture.ConnectionTtl + TimeSpan.FromSeconds(5));
        Assert.Equal(PresenceStatuses.Offline, offline.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Blocks_and_a_private_profile_hide_presence()
    {
        var alice = await fixture.RegisterAsync();
        var blocker = await fixture.RegisterAsync();
        var hermit = await fixture.RegisterAsync();
        await fixture.CreateGroupAsync(alice, blocker, hermit);
        using var identity = fixture.Identity.Factory.CreateClient();
        using (var block = await identity.SendAsync(blocker.Request(HttpMethod.Post, $"/api/block/{alice.Id}")))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }

        using (var hide = await identity.SendAsync(hermit.Request(HttpMethod.Put, "/api/users/preferences", JsonContent.Create(new { privacy = new { profileVisibility = "private" } }))))
        {
            Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        }

        await using var blockerDevice = await HubClient.ConnectAsync(fixture.Instances[0], blocker);
        await using var hermitDevice = await HubClient.ConnectAsync(fixture.Instances[1], hermit);
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);

        // Identity's events reach Presence asynchronously: wait until alice no longer sees the blocker online.
        await WaitUntilAsync(alice, blocker.Id, PresenceStatuses.Offline);
        await WaitUntilAsync(alice, hermit.Id, PresenceStatuses.Offline);
        Assert.Equal(PresenceStatuses.Online, (await PresenceOfAsync(hermit, hermit.Id)).GetProperty("status").GetString());
        var hidden = await PresenceOfAsync(alice, blocker.Id);
        Assert.Equal(JsonValueKind.Null, hidden.GetProperty("lastSeen").ValueKind);

        using var invalid = await GetPresenceAsync(alice, "not-a-guid");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    private async Task<JsonElement> NextAboutAsync(HubClient device, Guid userId, TimeSpan? patience = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var change = await device.NextAsync(ChatEventNames.PresenceChanged);
            if (change.GetProperty("userId").GetGuid() == userId)
            {
                return change;
            }

            Assert.True(DateTime.UtcNow < deadline, $"No presence change about {userId}.");
        }
    }

    private async Task WaitUntilAsync(TestUser viewer, Guid userId, string status)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while ((await PresenceOfAsync(viewer, userId)).GetProperty("status").GetString() != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{userId} never became {status} for {viewer.Name}.");
            await Task.Delay(100);
        }
    }

    private async Task<JsonElement> PresenceOfAsync(TestUser viewer, Guid userId)
    {
        using var response = await GetPresenceAsync(viewer, userId.ToString());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray().Single().Clone();
    }

    private async Task<HttpResponseMessage> GetPresenceAsync(TestUser viewer, string userIds)
    {
        using var http = new HttpClient { BaseAddress = fixture.Instances[1] };
        return await http.SendAsync(viewer.Request(HttpMethod.Get, $"/api/presence?userIds={userIds}"));
    }
}
