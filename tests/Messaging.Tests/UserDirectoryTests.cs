using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using static WebRtcChat.Messaging.Tests.ChatClient;

namespace WebRtcChat.Messaging.Tests;

/// <summary>Identity's events, through the real broker, shape what Messaging allows and shows.</summary>
[Collection(MessagingCollection.Name)]
public sealed class UserDirectoryTests(MessagingFixture fixture)
{
    [Fact]
    public async Task A_block_in_Identity_closes_direct_rooms_to_the_blocked_user_until_it_is_lifted()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        using var identity = fixture.Identity.Factory.CreateClient();

        using (var block = await identity.SendAsync(bob.User.Request(HttpMethod.Post, $"/api/block/{alice.Id}")))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }

        await fixture.WaitForAsync(db => db.Blocks.AnyAsync(b => b.BlockerId == bob.Id && b.BlockedId == alice.Id), "the block never reached Messaging");
        using var blockedOpens = await alice.OpenDirectAsync(bob.Id);
        Assert.Equal("User not found", (await BodyAsync(blockedOpens, HttpStatusCode.NotFound)).GetProperty("title").GetString());
        using var blockerOpens = await bob.OpenDirectAsync(alice.Id);
        Assert.Equal("User blocked", (await BodyAsync(blockerOpens, HttpStatusCode.Forbidden)).GetProperty("title").GetString());

        using (var unblock = await identity.SendAsync(bob.User.Request(HttpMethod.Delete, $"/api/block/{alice.Id}")))
        {
            Assert.Equal(HttpStatusCode.NoContent, unblock.StatusCode);
        }

        await fixture.WaitForAsync(async db => !await db.Blocks.AnyAsync(b => b.BlockerId == bob.Id), "the unblock never reached Messaging");
        using var opens = await alice.OpenDirectAsync(bob.Id);
        await BodyAsync(opens, HttpStatusCode.Created);
    }

    [Fact]
    public async Task Member_lists_show_the_display_name_a_user_sets_in_Identity()
    {
        var alice = await fixture.RegisterAsync();
        var bob = await fixture.RegisterAsync();
        var roomId = await alice.NewGroupAsync("Names", bob.Id);
        using var identity = fixture.Identity.Factory.CreateClient();

        using (var update = await identity.SendAsync(bob.User.Request(HttpMethod.Put, "/api/users/profile", JsonContent.Create(new { displayName = "Bobby Tables" }))))
        {
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        }

        await fixture.WaitForAsync(db => db.Users.AnyAsync(u => u.Id == bob.Id && u.DisplayName == "Bobby Tables"), "the profile change never reached Messaging");
        using var room = await alice.GetAsync(roomId);
        var members = (await BodyAsync(room, HttpStatusCode.OK)).GetProperty("members").EnumerateArray();
        var shown = Assert.Single(members, m => m.GetProperty("userId").GetGuid() == bob.Id);
        Assert.Equal("Bobby Tables", shown.GetProperty("displayName").GetString());
        Assert.Equal(bob.User.Name, shown.GetProperty("username").GetString());
    }
}
