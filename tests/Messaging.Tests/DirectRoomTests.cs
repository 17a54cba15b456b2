using System.Net;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Direct rooms: one per pair of users, however often and by whom it is opened, and closed to blocked users.</summary>
[Collection(MessagingCollection.Name)]
public sealed class DirectRoomTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Opening_a_direct_room_again_from_either_side_returns_the_same_room_and_one_event()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();

        using var first = await alice.OpenDirectAsync(bob.Id);
        var room = await BodyAsync(first, HttpStatusCode.Created);
        var roomId = room.GetProperty("id").GetGuid();
        Assert.Equal("direct", room.GetProperty("type").GetString());
        Assert.Equal([alice.Id, bob.Id], Roles(room).Keys.Order());
        Assert.Contains(room.GetProperty("members").EnumerateArray(), m => m.GetProperty("username").GetString() == bob.User.Name);

        using var again = await alice.OpenDirectAsync(bob.Id);
        using var reverse = await bob.OpenDirectAsync(alice.Id);
        Assert.Equal(roomId, (await BodyAsync(again, HttpStatusCode.OK)).GetProperty("id").GetGuid());
        Assert.Equal(roomId, (await BodyAsync(reverse, HttpStatusCode.OK)).GetProperty("id").GetGuid());

        using var bobsRooms = await bob.ListAsync();
        Assert.Equal([roomId], (await BodyAsync(bobsRooms, HttpStatusCode.OK)).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        var created = await OutboxEvents.BodiesAsync(fixture.Database, "RoomCreated", "roomId", roomId);
        var createdEvent = Assert.Single(created);
        Assert.Equal("direct", createdEvent.GetProperty("kind").GetString());
        Assert.Equal([alice.Id, bob.Id], createdEvent.GetProperty("memberIds").EnumerateArray().Select(m => m.GetGuid()).Order());
    }

    [Fact]
    public async Task Concurrent_opens_from_both_users_create_exactly_one_room()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => i % 2 == 0 ? alice.OpenDirectAsync(bob.Id) : bob.OpenDirectAsync(alice.Id)));
        var ids = new HashSet<Guid>();
        foreach (var response in responses)
        {
            using (response)
            {
                Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK });
                ids.Add((await BodyAsync(response, response.StatusCode)).GetProperty("id").GetGuid());
            }
        }

        var roomId = Assert.Single(ids);
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(1, await OutboxEvents.CountAsync(fixture.Database, "RoomCreated", "roomId", roomId));
    }

    [Fact]
    public async Task Direct_rooms_are_fixed_and_need_exactly_one_known_other_user()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var carol = await fixture.RegisterAsync();

        using var twoOthers = await alice.CreateAsync(new { type = "direct", memberIds = new[] { bob.Id, carol.Id } });
        using var self = await alice.OpenDirectAsync(alice.Id);
        using var none = await alice.CreateAsync(new { type = "direct" });
        using var named = await alice.CreateAsync(new { type = "direct", name = "us", memberIds = new[] { bob.Id } });
        foreach (var response in new[] { twoOthers, self, none })
        {
            var problem = await BodyAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty("memberIds", out _));
        }

        await BodyAsync(named, HttpStatusCode.BadRequest);
        using var unknown = await alice.OpenDirectAsync(Guid.NewGuid());
        Assert.Equal("User not found", (await BodyAsync(unknown, HttpStatusCode.NotFound)).GetProperty("title").GetString());

        using var opened = await alice.OpenDirectAsync(bob.Id);
        var roomId = (await BodyAsync(opened, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var rename = await alice.UpdateAsync(roomId, new { name = "renamed" });
        using var add = await alice.AddMemberAsync(roomId, carol.Id);
        using var leave = await alice.RemoveMemberAsync(roomId, alice.Id);
        foreach (var response in new[] { rename, add, leave })
        {
            await BodyAsync(response, HttpStatusCode.Conflict);
        }

        using var stillTwo = await bob.GetAsync(roomId);
        Assert.Equal(2, Roles(await BodyAsync(stillTwo, HttpStatusCode.OK)).Count);
    }
}
