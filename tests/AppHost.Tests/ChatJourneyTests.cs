using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>What a user does first, through the gateway of the whole running application: sign up and open a conversation.</summary>
[Collection(AppCollection.Name)]
public sealed class ChatJourneyTests(AppFixture fixture)
{
    private static readonly TimeSpan EventDelivery = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Two_users_sign_up_open_a_direct_room_and_exchange_a_message_through_the_gateway()
    {
        var alice = await RegisterAsync();
        var bob = await RegisterAsync();

        // Messaging learns of Bob from Identity's UserRegistered event, through the outbox and RabbitMQ.
        var deadline = DateTime.UtcNow + EventDelivery;
        HttpResponseMessage opened;
        while (true)
        {
            opened = await fixture.App.Gateway.SendAsync(alice.Request(
                HttpMethod.Post, "/api/rooms", JsonContent.Create(new { type = "direct", memberIds = new[] { bob.Id } })));
            if (opened.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > deadline)
            {
                break;
            }

            opened.Dispose();
            await Task.Delay(250);
        }

        Guid roomId;
        using (opened)
        {
            Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
            roomId = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();
        }

        using (var sent = await fixture.App.Gateway.SendAsync(alice.Request(
            HttpMethod.Post, "/api/messages/send", JsonContent.Create(new { roomId, content = "hi Bob", clientMessageId = "journey-1" }))))
        {
            Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        }

        using var history = await fixture.App.Gateway.SendAsync(bob.Request(HttpMethod.Get, $"/api/messages/room/{roomId}"));
        var message = Assert.Single(JsonDocument.Parse(await history.Content.ReadAsStringAsync()).RootElement.GetProperty("messages").EnumerateArray());
        Assert.Equal("hi Bob", message.GetProperty("content").GetString());
        Assert.Equal(alice.Id, message.GetProperty("sender").GetGuid());

        using var listed = await fixture.App.Gateway.SendAsync(bob.Request(HttpMethod.Get, "/api/rooms"));
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        var rooms = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement;
        var room = Assert.Single(rooms.EnumerateArray());
        Assert.Equal("direct", room.GetProperty("type").GetString());
        Assert.Equal(2, room.GetProperty("memberCount").GetInt32());
    }

    [Fact]
    public async Task A_file_shared_through_the_gateway_downloads_byte_for_byte_from_its_short_lived_link()
    {
        var alice = await RegisterAsync();
        using var created = await fixture.App.Gateway.SendAsync(alice.Request(
            HttpMethod.Post, "/api/rooms", JsonContent.Create(new { type = "group", name = "files" })));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var roomId = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        var document = System.Text.Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("meeting notes, line after line\n", 40_000)));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(roomId.ToString()), "roomId" },
            { new StringContent(Guid.NewGuid().ToString()), "clientMessageId" },
            { new ByteArrayContent(document), "files", "notes.txt" },
        };
        using var posted = await fixture.App.Gateway.SendAsync(alice.Request(HttpMethod.Post, "/api/messages/attachments", form));
        var body = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.StatusCode == HttpStatusCode.Created, body);
        var messageId = JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();

        using var link = await fixture.App.Gateway.SendAsync(alice.Request(HttpMethod.Get, $"/api/messages/{messageId}/attachments/0/link"));
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        var url = JsonDocument.Parse(await link.Content.ReadAsStringAsync()).RootElement.GetProperty("url").GetString()!;
        using var download = new HttpClient();
        Assert.Equal(document, await download.GetByteArrayAsync(new Uri(url)));
    }

    private Task<TestUser> RegisterAsync() => TestUser.RegisterAsync(fixture.App.Gateway);
}
