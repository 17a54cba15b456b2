using System.Net;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Rooms larger than the reader-list limit: pages carry read counts, one message's readers come on request.</summary>
[Collection(MessagingCollection.Name)]
public sealed class ReadByTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_large_room_pages_counts_and_lists_one_messages_readers_with_times_on_request()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var carol = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Three", bob.Id, carol.Id);
        var first = (await alice.PostAsync(roomId, "first")).GetProperty("id").GetGuid();
        var second = (await alice.PostAsync(roomId, "second")).GetProperty("id").GetGuid();

        using (await bob.MarkReadAsync(roomId, second))
        {
        }

        using (await carol.MarkReadAsync(roomId, first))
        {
        }

        var page = await alice.AllMessagesAsync(roomId);
        Assert.Equal(new[] { 2, 1 }, page.Select(m => m.GetProperty("readCount").GetInt32()));
        Assert.All(page, m => Assert.Equal(System.Text.Json.JsonValueKind.Null, m.GetProperty("readBy").ValueKind));

        using var readers = await alice.ReadByAsync(first);
        var body = await BodyAsync(readers, HttpStatusCode.OK);
        Assert.Equal(2, body.GetProperty("readCount").GetInt32());
        var readBy = body.GetProperty("readBy").EnumerateArray().ToList();
        Assert.Equal(new[] { bob.Id, carol.Id }, readBy.Select(r => r.GetProperty("userId").GetGuid()));
        Assert.True(readBy[0].GetProperty("readAt").GetDateTimeOffset() <= readBy[1].GetProperty("readAt").GetDateTimeOffset());

        using var secondReaders = await carol.ReadByAsync(second);
        Assert.Equal(bob.Id, Assert.Single((await BodyAsync(secondReaders, HttpStatusCode.OK)).GetProperty("readBy").EnumerateArray()).GetProperty("userId").GetGuid());
    }

    [Fact]
    public async Task Readers_of_a_message_are_hidden_from_non_members()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var stranger = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Private", bob.Id);
        var message = (await alice.PostAsync(roomId, "hi")).GetProperty("id").GetGuid();

        using var response = await stranger.ReadByAsync(message);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        using var unknown = await alice.ReadByAsync(Guid.NewGuid());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
