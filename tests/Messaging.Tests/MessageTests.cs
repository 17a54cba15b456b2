using System.Net;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Sending and reading messages: history, idempotent retries, receipts, edits, deletes, threads and mentions.</summary>
[Collection(MessagingCollection.Name)]
public sealed class MessageTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Sent_messages_come_back_in_order_with_status_readers_and_the_room_list_summary()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Chat", bob.Id);

        var first = await alice.PostAsync(roomId, "Hello <b>Bob</b>");
        await alice.PostAsync(roomId, "How are you?");
        var third = await alice.PostAsync(roomId, "Still there?");
        Assert.Equal("Hello <b>Bob</b>", first.GetProperty("content").GetString());
        Assert.Equal("sent", third.GetProperty("status").GetString());

        using (var list = await bob.ListAsync())
        {
            var summary = Assert.Single((await BodyAsync(list, HttpStatusCode.OK)).EnumerateArray());
            Assert.Equal(3, summary.GetProperty("unreadCount").GetInt64());
            Assert.Equal("Still there?", summary.GetProperty("lastMessage").GetProperty("content").GetString());
        }

        using (var delivered = await bob.MarkDeliveredAsync(roomId, third.GetProperty("id").GetGuid()))
        {
            Assert.Equal(3, (await BodyAsync(delivered, HttpStatusCode.OK)).GetProperty("lastDeliveredSeq").GetInt64());
        }

        using (var read = await bob.MarkReadAsync(roomId, first.GetProperty("id").GetGuid()))
        {
            Assert.Equal(2, (await BodyAsync(read, HttpStatusCode.OK)).GetProperty("unreadCount").GetInt64());
        }

        var history = await alice.AllMessagesAsync(roomId);
        Assert.Equal(new long[] { 1, 2, 3 }, history.Select(m => m.GetProperty("seq").GetInt64()));
        Assert.Equal(new[] { "read", "delivered", "delivered" }, history.Select(m => m.GetProperty("status").GetString()));
        var reader = Assert.Single(history[0].GetProperty("readBy").EnumerateArray());
        Assert.Equal(bob.Id, reader.GetProperty("userId").GetGuid());
        Assert.Empty(history[1].GetProperty("readBy").EnumerateArray());

        // Reading never moves backwards, and each advance is one event.
        using (var stale = await bob.MarkReadAsync(roomId, first.GetProperty("id").GetGuid()))
        {
            Assert.Equal(1, (await BodyAsync(stale, HttpStatusCode.OK)).GetProperty("lastReadSeq").GetInt64());
        }

        Assert.Equal(1, await OutboxEvents.CountAsync(fixture.Database, "MessagesRead", "userId", bob.Id));
        var sent = await OutboxEvents.BodiesAsync(fixture.Database, "MessageSent", "roomId", roomId);
        Assert.Equal(3, sent.Count);
        Assert.Equal("Hello <b>Bob</b>", sent[0].GetProperty("content").GetString());
        Assert.Equal(new[] { alice.Id, bob.Id }.Order(), sent[0].GetProperty("memberIds").EnumerateArray().Select(m => m.GetGuid()).Order());
    }

    [Fact]
    public async Task Ten_concurrent_retries_of_one_send_store_one_message()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Retries");
        var clientMessageId = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => alice.SendAsync(roomId, "only once", clientMessageId)));
        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            using (response)
            {
                ids.Add((await BodyAsync(response, response.StatusCode)).GetProperty("id").GetGuid());
            }
        }

        Assert.Single(ids);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(9, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Single(await alice.AllMessagesAsync(roomId));
        Assert.Equal(1, await OutboxEvents.CountAsync(fixture.Database, "MessageSent", "roomId", roomId));
    }

    [Fact]
    public async Task Paging_after_a_cursor_while_messages_arrive_has_no_gaps_or_duplicates()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Busy", bob.Id);
        var start = await alice.PostAsync(roomId, "start");

        var writers = Task.WhenAll(Enumerable.Range(0, 4).Select(async w =>
        {
            var sender = w % 2 == 0 ? alice : bob;
            for (var i = 0; i < 40; i++)
            {
                using var response = await sender.SendAsync(roomId, $"w{w}-{i}");
                Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            }
        }));

        var seen = new List<JsonElementKey>();
        var cursor = start.GetProperty("id").GetGuid();
        while (true)
        {
            var writing = !writers.IsCompleted;
            using var response = await bob.HistoryAsync(roomId, $"?after={cursor}&limit=7");
            var messages = (await BodyAsync(response, HttpStatusCode.OK)).GetProperty("messages").EnumerateArray().ToList();
            seen.AddRange(messages.Select(m => new JsonElementKey(m.GetProperty("id").GetGuid(), m.GetProperty("seq").GetInt64())));
            if (messages.Count > 0)
            {
                cursor = messages[^1].GetProperty("id").GetGuid();
            }
            else if (!writing)
            {
                break;
            }
        }

        await writers;
        Assert.Equal(160, seen.Count);
        Assert.Equal(Enumerable.Range(2, 160).Select(i => (long)i), seen.Select(s => s.Seq));
        var all = await alice.AllMessagesAsync(roomId, pageSize: 33);
        Assert.Equal(seen.Select(s => s.Id), all.Skip(1).Select(m => m.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task History_accepts_the_seed_skip_and_rejects_bad_paging()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Paging");
        for (var i = 1; i <= 5; i++)
        {
            await alice.PostAsync(roomId, $"m{i}");
        }

        using (var skipped = await alice.HistoryAsync(roomId, "?limit=2&skip=1"))
        {
            var page = await BodyAsync(skipped, HttpStatusCode.OK);
            Assert.Equal(new[] { "m3", "m4" }, page.GetProperty("messages").EnumerateArray().Select(m => m.GetProperty("content").GetString()));
            Assert.True(page.GetProperty("hasMore").GetBoolean());
        }

        var otherRoom = await alice.NewGroupAsync("Elsewhere");
        var foreign = await alice.PostAsync(otherRoom, "not here");
        var cases = new (string Query, string Field)[]
        {
            ("?limit=101", "limit"),
            ("?limit=0", "limit"),
            ($"?before={foreign.GetProperty("id").GetGuid()}", "before"),
            ($"?after={Guid.NewGuid()}", "after"),
            ($"?after={foreign.GetProperty("id").GetGuid()}&before={foreign.GetProperty("id").GetGuid()}", "after"),
            ("?skip=-1", "skip"),
        };
        foreach (var (query, field) in cases)
        {
            using var response = await alice.HistoryAsync(roomId, query);
            var problem = await BodyAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{query}: {field} not named in {problem}");
        }
    }

    [Fact]
    public async Task Bad_messages_are_rejected_per_field_and_nothing_is_written()
    {
        var alice = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Strict");
        var elsewhere = await alice.PostAsync(await alice.NewGroupAsync("Other"), "x");
        var cases = new (Func<Task<HttpResponseMessage>> Send, string Field)[]
        {
            (() => alice.SendAsync(roomId, ""), "content"),
            (() => alice.SendAsync(roomId, "   "), "content"),
            (() => alice.SendAsync(roomId, new string('x', 10_001)), "content"),
            (() => alice.SendAsync(Guid.Empty, "no room"), "roomId"),
            (() => alice.SendAsync(roomId, "long id", new string('c', 65)), "clientMessageId"),
            (() => alice.SendAsync(roomId, "foreign reply", replyTo: elsewhere.GetProperty("id").GetGuid()), "replyTo"),
        };
        foreach (var (send, field) in cases)
        {
            using var response = await send();
            var problem = await BodyAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
        }

        Assert.Empty(await alice.AllMessagesAsync(roomId));
        using var longest = await alice.SendAsync(roomId, new string('x', 10_000));
        Assert.Equal(10_000, (await BodyAsync(longest, HttpStatusCode.Created)).GetProperty("content").GetString()!.Length);
    }

    [Fact]
    public async Task Only_the_author_edits_and_the_author_or_an_admin_deletes_leaving_a_tombstone()
    {
        var owner = await fixture.RegisterAsync();
        var author = await fixture.RegisterAsync();
        var other = await fixture.RegisterAsync();
        var roomId = await owner.NewGroupAsync("Moderated", author.Id, other.Id);
        var message = await author.PostAsync(roomId, "frist");
        var messageId = message.GetProperty("id").GetGuid();

        using (var notAuthor = await owner.EditAsync(messageId, "hijacked"))
        {
            await BodyAsync(notAuthor, HttpStatusCode.Forbidden);
        }

        using (var edited = await author.EditAsync(messageId, "first"))
        {
            var body = await BodyAsync(edited, HttpStatusCode.OK);
            Assert.Equal("first", body.GetProperty("content").GetString());
            Assert.True(body.GetProperty("edited").GetBoolean());
            var previous = Assert.Single(body.GetProperty("editHistory").EnumerateArray());
            Assert.Equal("frist", previous.GetProperty("content").GetString());
            Assert.Equal(author.Id, previous.GetProperty("editedBy").GetGuid());
        }

        using (var otherDeletes = await other.DeleteAsync(messageId))
        {
            await BodyAsync(otherDeletes, HttpStatusCode.Forbidden);
        }

        var second = await other.PostAsync(roomId, "keep me");
        using (var ownerDeletes = await owner.DeleteAsync(messageId))
        {
            Assert.Equal(HttpStatusCode.NoContent, ownerDeletes.StatusCode);
        }

        using (var again = await author.DeleteAsync(messageId))
        {
            Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        }

        using (var editDeleted = await author.EditAsync(messageId, "back"))
        {
            await BodyAsync(editDeleted, HttpStatusCode.Conflict);
        }

        var history = await other.AllMessagesAsync(roomId);
        Assert.Equal(2, history.Count);
        Assert.True(history[0].GetProperty("deleted").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, history[0].GetProperty("content").ValueKind);
        Assert.Empty(history[0].GetProperty("editHistory").EnumerateArray());
        Assert.Equal(second.GetProperty("id").GetGuid(), history[1].GetProperty("id").GetGuid());
        Assert.Equal(1, await OutboxEvents.CountAsync(fixture.Database, "MessageEdited", "messageId", messageId));
        var deleted = Assert.Single(await OutboxEvents.BodiesAsync(fixture.Database, "MessageDeleted", "messageId", messageId));
        Assert.Equal(owner.Id, deleted.GetProperty("deletedBy").GetGuid());
    }

    [Fact]
    public async Task Replies_form_a_thread_and_mentions_name_members_only()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var outsider = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Threads", bob.Id);
        var root = await alice.PostAsync(roomId, $"Ping @{bob.User.Name}, not @{outsider.User.Name}.");
        var rootId = root.GetProperty("id").GetGuid();
        Assert.Equal([bob.Id], root.GetProperty("mentions").EnumerateArray().Select(m => m.GetGuid()));

        await bob.PostAsync(roomId, "pong", replyTo: rootId);
        await alice.PostAsync(roomId, "unrelated");
        await alice.PostAsync(roomId, "pong pong", replyTo: rootId);

        using var thread = await bob.ThreadAsync(rootId);
        var body = await BodyAsync(thread, HttpStatusCode.OK);
        Assert.Equal(rootId, body.GetProperty("root").GetProperty("id").GetGuid());
        Assert.Equal(2, body.GetProperty("root").GetProperty("replyCount").GetInt32());
        Assert.Equal(new[] { "pong", "pong pong" }, body.GetProperty("replies").EnumerateArray().Select(m => m.GetProperty("content").GetString()));

        using var hidden = await outsider.ThreadAsync(rootId);
        await BodyAsync(hidden, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Outsiders_cannot_read_or_write_a_room_and_a_block_stops_direct_messages()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var outsider = await fixture.RegisterAsync();
        using var opened = await alice.OpenDirectAsync(bob.Id);
        var roomId = (await BodyAsync(opened, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var messageId = (await alice.PostAsync(roomId, "just us")).GetProperty("id").GetGuid();

        var attempts = new Func<Task<HttpResponseMessage>>[]
        {
            () => outsider.SendAsync(roomId, "let me in"),
            () => outsider.HistoryAsync(roomId),
            () => outsider.EditAsync(messageId, "mine now"),
            () => outsider.DeleteAsync(messageId),
            () => outsider.ReactAsync(messageId, "👍"),
            () => outsider.MarkReadAsync(roomId, messageId),
        };
        foreach (var attempt in attempts)
        {
            using var response = await attempt();
            await BodyAsync(response, HttpStatusCode.NotFound);
        }

        using (var block = await fixture.Identity.Factory.CreateClient().SendAsync(bob.User.Request(HttpMethod.Post, $"/api/block/{alice.Id}")))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }

        await fixture.WaitForAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.Blocks, b => b.BlockerId == bob.Id), "the block never reached Messaging");
        using var blocked = await alice.SendAsync(roomId, "hello?");
        Assert.Equal("Cannot message this user", (await BodyAsync(blocked, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        using var blocker = await bob.SendAsync(roomId, "bye");
        Assert.Equal("User blocked", (await BodyAsync(blocker, HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        Assert.Single(await bob.AllMessagesAsync(roomId));
    }

    private readonly record struct JsonElementKey(Guid Id, long Seq);
}
