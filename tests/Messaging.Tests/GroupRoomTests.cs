using System.Net;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Group rooms: roles decide who manages membership and settings; outsiders cannot tell a room exists.</summary>
[Collection(MessagingCollection.Name)]
public sealed class GroupRoomTests(MessagingFixture fixture)
{
    [Fact]
    public async Task Owner_and_admins_manage_the_group_members_only_leave()
    {
        var owner = await fixture.RegisterAsync();
        var admin = await fixture.RegisterAsync();
        var member = await fixture.RegisterAsync();
        var newcomer = await fixture.RegisterAsync();
        var roomId = await owner.NewGroupAsync("  Team  ", admin.Id, member.Id);

        using var promote = await owner.SetRoleAsync(roomId, admin.Id, "admin");
        Assert.Equal("admin", Roles(await BodyAsync(promote, HttpStatusCode.OK))[admin.Id]);
        using var memberPromotes = await member.SetRoleAsync(roomId, member.Id, "owner");
        await BodyAsync(memberPromotes, HttpStatusCode.Forbidden);

        using var memberRenames = await member.UpdateAsync(roomId, new { name = "Mine" });
        using var memberAdds = await member.AddMemberAsync(roomId, newcomer.Id);
        using var memberRemoves = await member.RemoveMemberAsync(roomId, admin.Id);
        using var adminRemovesOwner = await admin.RemoveMemberAsync(roomId, owner.Id);
        foreach (var response in new[] { memberRenames, memberAdds, memberRemoves, adminRemovesOwner })
        {
            await BodyAsync(response, HttpStatusCode.Forbidden);
        }

        using var renamed = await admin.UpdateAsync(roomId, new { name = "Core team", topic = "Shipping v1" });
        var room = await BodyAsync(renamed, HttpStatusCode.OK);
        Assert.Equal("Core team", room.GetProperty("name").GetString());
        Assert.Equal("Shipping v1", room.GetProperty("topic").GetString());

        using var added = await admin.AddMemberAsync(roomId, newcomer.Id);
        Assert.Equal("member", Roles(await BodyAsync(added, HttpStatusCode.Created))[newcomer.Id]);
        using var addedAgain = await admin.AddMemberAsync(roomId, newcomer.Id);
        await BodyAsync(addedAgain, HttpStatusCode.OK);

        using var removed = await admin.RemoveMemberAsync(roomId, newcomer.Id);
        Assert.DoesNotContain(newcomer.Id, Roles(await BodyAsync(removed, HttpStatusCode.OK)).Keys);
        using var left = await member.RemoveMemberAsync(roomId, member.Id);
        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        using var afterLeaving = await member.GetAsync(roomId);
        await BodyAsync(afterLeaving, HttpStatusCode.NotFound);

        using var final = await owner.GetAsync(roomId);
        Assert.Equal(
            new Dictionary<Guid, string> { [owner.Id] = "owner", [admin.Id] = "admin" },
            Roles(await BodyAsync(final, HttpStatusCode.OK)));
        Assert.Equal(1, await OutboxEvents.CountAsync(fixture.Database, "RoomUpdated", "roomId", roomId));
        Assert.Equal(1, await OutboxEvents.CountAsync(fixture.Database, "RoomMemberAdded", "userId", newcomer.Id));
        var removals = await OutboxEvents.BodiesAsync(fixture.Database, "RoomMemberRemoved", "roomId", roomId);
        Assert.Equal([newcomer.Id, member.Id], removals.Select(e => e.GetProperty("userId").GetGuid()));
        Assert.Equal(new[] { owner.Id, admin.Id }.Order(), removals[^1].GetProperty("memberIds").EnumerateArray().Select(m => m.GetGuid()).Order());
    }

    [Fact]
    public async Task The_last_owner_leaving_hands_the_group_to_the_longest_serving_admin_then_member()
    {
        var owner = await fixture.RegisterAsync();
        var first = await fixture.RegisterAsync();
        var second = await fixture.RegisterAsync();
        var roomId = await owner.NewGroupAsync("Handover", first.Id);
        using (var add = await owner.AddMemberAsync(roomId, second.Id))
        {
            await BodyAsync(add, HttpStatusCode.Created);
        }

        using (var promote = await owner.SetRoleAsync(roomId, second.Id, "admin"))
        {
            await BodyAsync(promote, HttpStatusCode.OK);
        }

        using var demoteSelf = await owner.SetRoleAsync(roomId, owner.Id, "member");
        await BodyAsync(demoteSelf, HttpStatusCode.Conflict);

        using var ownerLeaves = await owner.RemoveMemberAsync(roomId, owner.Id);
        Assert.Equal(HttpStatusCode.NoContent, ownerLeaves.StatusCode);
        using var afterOwner = await first.GetAsync(roomId);
        Assert.Equal("owner", Roles(await BodyAsync(afterOwner, HttpStatusCode.OK))[second.Id]);

        using var adminLeaves = await second.RemoveMemberAsync(roomId, second.Id);
        Assert.Equal(HttpStatusCode.NoContent, adminLeaves.StatusCode);
        using var afterAdmin = await first.GetAsync(roomId);
        Assert.Equal("owner", Roles(await BodyAsync(afterAdmin, HttpStatusCode.OK))[first.Id]);

        var handovers = (await OutboxEvents.BodiesAsync(fixture.Database, "RoomMemberRemoved", "roomId", roomId))
            .Select(e => e.GetProperty("newOwnerId").GetGuid());
        Assert.Equal([second.Id, first.Id], handovers);
    }

    [Fact]
    public async Task Outsiders_get_404_for_every_room_operation()
    {
        var owner = await fixture.RegisterAsync();
        var outsider = await fixture.RegisterAsync();
        var roomId = await owner.NewGroupAsync("Private club");

        var attempts = new[]
        {
            await outsider.GetAsync(roomId),
            await outsider.UpdateAsync(roomId, new { name = "Taken over" }),
            await outsider.AddMemberAsync(roomId, outsider.Id),
            await outsider.RemoveMemberAsync(roomId, owner.Id),
            await outsider.SetRoleAsync(roomId, outsider.Id, "owner"),
            await outsider.GetAsync(Guid.NewGuid()),
        };
        foreach (var response in attempts)
        {
            using (response)
            {
                Assert.Equal("Room not found", (await BodyAsync(response, HttpStatusCode.NotFound)).GetProperty("title").GetString());
            }
        }

        using var mine = await outsider.ListAsync();
        Assert.Empty((await BodyAsync(mine, HttpStatusCode.OK)).EnumerateArray());
        using var anonymous = await fixture.Messaging.CreateClient().GetAsync($"/api/rooms/{roomId}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_rejected_per_field_and_writes_nothing()
    {
        var owner = await fixture.RegisterAsync();
        var others = new List<Guid>();
        for (var i = 0; i < MessagingFixture.MaxGroupMembers; i++)
        {
            others.Add((await fixture.RegisterAsync()).Id);
        }

        var cases = new (object Request, string Field)[]
        {
            (new { type = "channel", name = "x" }, "type"),
            (new { name = "no type" }, "type"),
            (new { type = "group" }, "name"),
            (new { type = "group", name = "   " }, "name"),
            (new { type = "group", name = new string('n', 101) }, "name"),
            (new { type = "group", name = "ok", topic = new string('t', 501) }, "topic"),
            (new { type = "group", name = "ok", memberIds = new[] { Guid.NewGuid() } }, "memberIds"),
            (new { type = "group", name = "too many", memberIds = others }, "memberIds"),
        };
        foreach (var (request, field) in cases)
        {
            using var response = await owner.CreateAsync(request);
            var problem = await BodyAsync(response, HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field} not named in {problem}");
        }

        using var none = await owner.ListAsync();
        Assert.Empty((await BodyAsync(none, HttpStatusCode.OK)).EnumerateArray());
        Assert.Equal(0, await OutboxEvents.CountAsync(fixture.Database, "RoomCreated", "createdBy", owner.Id));

        var roomId = await owner.NewGroupAsync("Full", others.Take(MessagingFixture.MaxGroupMembers - 1).ToArray());
        using var overLimit = await owner.AddMemberAsync(roomId, others[^1]);
        Assert.Equal("Room is full", (await BodyAsync(overLimit, HttpStatusCode.Conflict)).GetProperty("title").GetString());
        using var badRole = await owner.SetRoleAsync(roomId, others[0], "king");
        Assert.True((await BodyAsync(badRole, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("role", out _));
        using var badRename = await owner.UpdateAsync(roomId, new { name = "" });
        await BodyAsync(badRename, HttpStatusCode.BadRequest);
        using var unchanged = await owner.GetAsync(roomId);
        Assert.Equal("Full", (await BodyAsync(unchanged, HttpStatusCode.OK)).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Rooms_are_listed_most_recently_active_first_with_the_callers_role()
    {
        var owner = await fixture.RegisterAsync();
        var friend = await fixture.RegisterAsync();
        var older = await owner.NewGroupAsync("Older", friend.Id);
        var newer = await owner.NewGroupAsync("Newer", friend.Id);

        using var beforeActivity = await friend.ListAsync();
        Assert.Equal([newer, older], (await BodyAsync(beforeActivity, HttpStatusCode.OK)).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));

        using (var touch = await owner.UpdateAsync(older, new { topic = "bumped" }))
        {
            await BodyAsync(touch, HttpStatusCode.OK);
        }

        using var afterActivity = await friend.ListAsync();
        var rooms = (await BodyAsync(afterActivity, HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal([older, newer], rooms.Select(r => r.GetProperty("id").GetGuid()));
        Assert.All(rooms, r => Assert.Equal("member", r.GetProperty("role").GetString()));
        Assert.All(rooms, r => Assert.Equal(2, r.GetProperty("memberCount").GetInt32()));
    }
}
