using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Tests;

/// <summary>Messaging's events reach the hub connections of exactly the users they concern, on either instance.</summary>
[Collection(PresenceCollection.Name)]
public sealed class ChatEventPushTests(PresenceFixture fixture)
{
    [Fact]
    public async Task A_message_sent_over_REST_reaches_every_device_of_each_member_on_both_instances_and_no_one_else()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var outsider = await fixture.RegisterAsync();
        var roomId = await fixture.CreateGroupAsync(alice, bob);
        await using var bobOnFirst = await HubClient.ConnectAsync(fixture.Instances[0], bob);
        await using var bobOnSecond = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        await using var aliceOnSecond = await HubClient.ConnectAsync(fixture.Instances[1], alice);
        await using var outsiderOnFirst = await HubClient.ConnectAsync(fixture.Instances[0], outsider);

        var messageId = await fixture.SendAsync(alice, roomId, "hello over the hub");

        foreach (var device in new[] { bobOnFirst, bobOnSecond, aliceOnSecond })
        {
            var pushed = await device.NextAsync(ChatEventNames.MessageSent);
            Assert.Equal(messageId, pushed.GetProperty("messageId").GetGuid());
            Assert.Equal(roomId, pushed.GetProperty("roomId").GetGuid());
            Assert.Equal("hello over the hub", pushed.GetProperty("content").GetString());
            Assert.Equal(alice.Id, pushed.GetProperty("senderId").GetGuid());
        }

        // The outsider's connection had every chance to hear it: a later push to the outsider arrives, the message never did.
        var outsiderRoom = await fixture.CreateGroupAsync(outsider);
        Assert.Equal(outsiderRoom, (await outsiderOnFirst.NextAsync(ChatEventNames.RoomCreated)).GetProperty("roomId").GetGuid());
        Assert.Empty(outsiderOnFirst.Pending(ChatEventNames.MessageSent));
    }

    [Fact]
    public async Task Room_changes_reach_the_members_and_the_member_who_was_removed()
    {
        var owner = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        await using var memberDevice = await HubClient.ConnectAsync(fixture.Instances[1], member);
        var roomId = await fixture.CreateGroupAsync(owner, member);
        Assert.Equal(roomId, (await memberDevice.NextAsync(ChatEventNames.RoomCreated)).GetProperty("roomId").GetGuid());

        using var http = fixture.Messaging.CreateClient();
        using (var removed = await http.SendAsync(owner.Request(HttpMethod.Delete, $"/api/rooms/{roomId}/members/{member.Id}")))
        {
            Assert.Equal(HttpStatusCode.OK, removed.StatusCode);
        }

        var removal = await memberDevice.NextAsync(ChatEventNames.RoomMemberRemoved);
        Assert.Equal(member.Id, removal.GetProperty("userId").GetGuid());
        Assert.Equal([owner.Id], removal.GetProperty("memberIds").EnumerateArray().Select(m => m.GetGuid()));
    }

    [Fact]
    public async Task A_delivery_acknowledged_on_the_hub_reaches_the_sender_as_message_delivered()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var outsider = await fixture.RegisterAsync();
        var roomId = await fixture.CreateGroupAsync(alice, bob);
        await using var aliceDevice = await HubClient.ConnectAsync(fixture.Instances[0], alice);
        await using var bobDevice = await HubClient.ConnectAsync(fixture.Instances[1], bob);
        await using var outsiderDevice = await HubClient.ConnectAsync(fixture.Instances[1], outsider);
        var messageId = await fixture.SendAsync(alice, roomId, "did you get this?");
        await bobDevice.NextAsync(ChatEventNames.MessageSent);

        // Someone outside the room cannot mark it delivered for anyone.
        await outsiderDevice.Connection.InvokeAsync("AckDelivered", roomId, messageId);
        await bobDevice.Connection.InvokeAsync("AckDelivered", roomId, messageId);

        var delivered = await aliceDevice.NextAsync(ChatEventNames.MessageDelivered);
        Assert.Equal(bob.Id, delivered.GetProperty("userId").GetGuid());
        Assert.Equal(messageId, delivered.GetProperty("upToMessageId").GetGuid());
        using var http = fixture.Messaging.CreateClient();
        using var history = await http.SendAsync(alice.Request(HttpMethod.Get, $"/api/messages/room/{roomId}"));
        var message = System.Text.Json.JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement.GetProperty("messages")[0];
        Assert.Equal("delivered", message.GetProperty("status").GetString());
        await Task.Delay(300);
        Assert.Empty(aliceDevice.Pending(ChatEventNames.MessageDelivered));
    }

    [Fact]
    public async Task The_MessagePack_protocol_carries_the_same_pushes()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await fixture.CreateGroupAsync(alice, bob);
        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Instances[0], ChatHub.Path), HttpTransportType.WebSockets, options => options.AccessTokenProvider = () => Task.FromResult<string?>(bob.AccessToken))
            .AddMessagePackProtocol()
            .Build();
        var received = new TaskCompletionSource<PushedMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.On<PushedMessage>(ChatEventNames.MessageSent, message => received.TrySetResult(message));
        await connection.StartAsync();

        var messageId = await fixture.SendAsync(alice, roomId, "packed");

        var pushed = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(messageId, pushed.MessageId);
        Assert.Equal("packed", pushed.Content);
    }

    [Fact]
    public async Task A_connection_without_a_valid_token_is_refused()
    {
        var forged = new TestUser(Guid.NewGuid(), "nobody", "not-a-token");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => HubClient.ConnectAsync(fixture.Instances[0], forged));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var anonymous = new HttpClient { BaseAddress = fixture.Instances[1] };
        using var negotiate = await anonymous.PostAsync(new Uri($"{ChatHub.Path}/negotiate?negotiateVersion=1", UriKind.Relative), content: null);
        Assert.Equal(HttpStatusCode.Unauthorized, negotiate.StatusCode);
    }

    /// <summary>What the MessagePack client reads of a message-sent push (contractless: matched by member name).</summary>
    public sealed class PushedMessage
    {
        public Guid MessageId { get; set; }

        public string? Content { get; set; }
    }
}
