using System.Net;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Emoji reactions: one per user per emoji, on and off, with real emoji validation.</summary>
[Collection(MessagingCollection.Name)]
public sealed class ReactionTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Each_user_reacts_once_per_emoji_and_can_take_it_back()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Reactions", bob.Id);
        var messageId = (await alice.PostAsync(roomId, "ship it?")).GetProperty("id").GetGuid();

        foreach (var emoji in new[] { "👍", "👍", "👍🏽", "🇫🇷", "👨‍👩‍👧", "1️⃣", "❤️" })
        {
            using var response = await alice.ReactAsync(messageId, emoji);
            await BodyAsync(response, HttpStatusCode.OK);
        }

        using (var bobs = await bob.ReactAsync(messageId, "👍"))
        {
            var reactions = (await BodyAsync(bobs, HttpStatusCode.OK)).EnumerateArray().ToList();
            var thumbs = reactions.Single(r => r.GetProperty("emoji").GetString() == "👍");
            Assert.Equal(2, thumbs.GetProperty("count").GetInt32());
            Assert.Equal([alice.Id, bob.Id], thumbs.GetProperty("users").EnumerateArray().Select(u => u.GetGuid()));
            Assert.Equal(6, reactions.Count);
        }

        using (var off = await alice.UnreactAsync(messageId, "👍"))
        {
            var thumbs = (await BodyAsync(off, HttpStatusCode.OK)).EnumerateArray().Single(r => r.GetProperty("emoji").GetString() == "👍");
            Assert.Equal([bob.Id], thumbs.GetProperty("users").EnumerateArray().Select(u => u.GetGuid()));
        }

        using (var offAgain = await alice.UnreactAsync(messageId, "👍"))
        {
            await BodyAsync(offAgain, HttpStatusCode.OK);
        }

        foreach (var notEmoji in new[] { "a", "ok", "👍👍", "<script>", "1" })
        {
            using var response = await alice.ReactAsync(messageId, notEmoji);
            Assert.True((await BodyAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("emoji", out _), notEmoji);
        }

        var changes = await OutboxEvents.BodiesAsync(fixture.Database, "ReactionChanged", "messageId", messageId);
        Assert.Equal(8, changes.Count); // alice: 6 distinct on, bob: 1 on, alice: 1 off
        Assert.False(changes[^1].GetProperty("added").GetBoolean());

        var message = (await alice.AllMessagesAsync(roomId)).Single();
        Assert.Equal(6, message.GetProperty("reactions").GetArrayLength());
    }

    [Fact]
    public async Task Concurrent_identical_reactions_count_once()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Race");
        var messageId = (await alice.PostAsync(roomId, "tap tap")).GetProperty("id").GetGuid();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => alice.ReactAsync(messageId, "🎉")));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var response in responses)
        {
            response.Dispose();
        }

        var party = Assert.Single((await alice.AllMessagesAsync(roomId)).Single().GetProperty("reactions").EnumerateArray());
        Assert.Equal(1, party.GetProperty("count").GetInt32());
        Assert.Equal(1, await OutboxEvents.CountAsync(fixture.Database, "ReactionChanged", "messageId", messageId));
    }
}
