using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Tests;

/// <summary>What the call tests do through the public surface: hub invocations, pushes, the calls API, Identity's preferences.</summary>
public static class CallSteps
{
    public static Task<Guid> InviteAsync(this HubClient caller, TestUser callee, string media = CallMedia.Video) =>
        caller.Connection.InvokeAsync<Guid>(nameof(ChatHub.InviteUser), callee.Id, media);

    public static Task<List<Guid>> AcceptAsync(this HubClient device, Guid callId, bool switchCalls = false) =>
        device.Connection.InvokeAsync<List<Guid>>(nameof(ChatHub.AcceptCall), callId, switchCalls);

    /// <summary>Waits for the next <paramref name="method"/> push about <paramref name="callId"/> (skipping other calls').</summary>
    public static async Task<JsonElement> NextAboutAsync(this HubClient device, string method, Guid callId)
    {
        while (true)
        {
            var push = await device.NextAsync(method);
            if (push.GetProperty("callId").GetGuid() == callId)
            {
                return push;
            }
        }
    }

    /// <summary>The users of the next <paramref name="count"/> <c>participant-left</c> pushes about the call, in id order.</summary>
    public static async Task<List<Guid>> LeftAsync(this HubClient device, Guid callId, int count)
    {
        var left = new List<Guid>();
        while (left.Count < count)
        {
            left.Add((await device.NextAboutAsync(CallEventNames.ParticipantLeft, callId)).GetProperty("userId").GetGuid());
        }

        return [.. left.Order()];
    }

    /// <summary>The invocation fails with a <see cref="HubException"/> whose message contains <paramref name="reason"/>.</summary>
    public static async Task RefusedAsync(Func<Task> invocation, string reason)
    {
        var refused = await Assert.ThrowsAsync<HubException>(invocation);
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Identity's events reach Presence asynchronously: invites (cancelling an invitation that still went through) until
    /// the invitation is refused for <paramref name="reason"/>.
    /// </summary>
    public static async Task EventuallyRefusedAsync(HubClient caller, TestUser callee, string reason)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(15);
        while (true)
        {
            try
            {
                var callId = await caller.InviteAsync(callee);
                await caller.Connection.InvokeAsync(nameof(ChatHub.CancelCall), callId);
            }
            catch (HubException refused) when (refused.Message.Contains(reason, StringComparison.Ordinal))
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"The invitation was never refused with '{reason}'.");
            await Task.Delay(200);
        }
    }

    public static async Task<JsonElement> GetJsonAsync(Uri instance, TestUser user, string path)
    {
        using var http = new HttpClient { BaseAddress = instance };
        using var response = await http.SendAsync(user.Request(HttpMethod.Get, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>The user's history entry for <paramref name="callId"/>.</summary>
    public static async Task<JsonElement> HistoryEntryAsync(Uri instance, TestUser user, Guid callId) =>
        (await GetJsonAsync(instance, user, "/api/calls/history")).EnumerateArray().Single(e => e.GetProperty("callId").GetGuid() == callId);

    public static async Task SetPreferencesAsync(PresenceFixture fixture, TestUser user, object preferences)
    {
        using var identity = fixture.Identity.Factory.CreateClient();
        using var response = await identity.SendAsync(user.Request(HttpMethod.Put, "/api/users/preferences", JsonContent.Create(preferences)));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static async Task BlockAsync(PresenceFixture fixture, TestUser blocker, TestUser blocked)
    {
        using var identity = fixture.Identity.Factory.CreateClient();
        using var response = await identity.SendAsync(blocker.Request(HttpMethod.Post, $"/api/block/{blocked.Id}"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }
}
