using System.Net;

namespace WebRtcChat.Identity.Tests;

/// <summary>Contacts and blocks through the API, and the events they leave in the outbox.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ContactsAndBlocksTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Contacts_are_added_idempotently_listed_and_removed()
    {
        using var http = fixture.Host.CreateClient();
        var alice = await SocialClient.RegisterAsync(http);
        var bob = await SocialClient.RegisterAsync(http);

        using (var added = await alice.AddContactAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        using (var again = await alice.AddContactAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Equal([bob.Id], await SocialClient.IdsAsync(await alice.ContactsAsync(), "userId"));
        Assert.Empty(await SocialClient.IdsAsync(await bob.ContactsAsync(), "userId"));

        using (var removed = await alice.RemoveContactAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        Assert.Empty(await SocialClient.IdsAsync(await alice.ContactsAsync(), "userId"));
        Assert.Equal(1, await OutboxCountAsync("ContactAdded", "ownerId", alice.Id));
        Assert.Equal(1, await OutboxCountAsync("ContactRemoved", "ownerId", alice.Id));
    }

    [Fact]
    public async Task Yourself_and_unknown_users_cannot_be_contacts_or_blocked()
    {
        using var http = fixture.Host.CreateClient();
        var alice = await SocialClient.RegisterAsync(http);
        var nobody = Guid.CreateVersion7();

        using var selfContact = await alice.AddContactAsync(alice.Id);
        Assert.Equal(HttpStatusCode.BadRequest, selfContact.StatusCode);
        using var selfBlock = await alice.BlockAsync(alice.Id);
        Assert.Equal(HttpStatusCode.BadRequest, selfBlock.StatusCode);
        using var unknownContact = await alice.AddContactAsync(nobody);
        Assert.Equal(HttpStatusCode.NotFound, unknownContact.StatusCode);
        using var unknownBlock = await alice.BlockAsync(nobody);
        Assert.Equal(HttpStatusCode.NotFound, unknownBlock.StatusCode);
    }

    [Fact]
    public async Task Blocking_removes_the_contact_both_ways_hides_the_blocker_and_unblocking_restores_visibility()
    {
        using var http = fixture.Host.CreateClient();
        var alice = await SocialClient.RegisterAsync(http);
        var bob = await SocialClient.RegisterAsync(http);
        (await alice.AddContactAsync(bob.Id)).Dispose();
        (await bob.AddContactAsync(alice.Id)).Dispose();

        using (var blocked = await alice.BlockAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.Created, blocked.StatusCode);
        }

        using (var again = await alice.BlockAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        Assert.Empty(await SocialClient.IdsAsync(await alice.ContactsAsync(), "userId"));
        Assert.Empty(await SocialClient.IdsAsync(await bob.ContactsAsync(), "userId"));
        Assert.Equal([bob.Id], await SocialClient.IdsAsync(await alice.BlockedAsync(), "userId"));

        using (var hidden = await bob.GetUserAsync(alice.Id))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var bobAdds = await bob.AddContactAsync(alice.Id))
        {
            Assert.Equal(HttpStatusCode.NotFound, bobAdds.StatusCode);
        }

        using (var aliceAdds = await alice.AddContactAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.Conflict, aliceAdds.StatusCode);
        }

        // The blocker still sees the blocked user, so they can find them again to unblock.
        using (var blockerSees = await alice.GetUserAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.OK, blockerSees.StatusCode);
        }

        using (var unblocked = await alice.UnblockAsync(bob.Id))
        {
            Assert.Equal(HttpStatusCode.NoContent, unblocked.StatusCode);
        }

        Assert.Empty(await SocialClient.IdsAsync(await alice.BlockedAsync(), "userId"));
        using (var visible = await bob.GetUserAsync(alice.Id))
        {
            Assert.Equal(HttpStatusCode.OK, visible.StatusCode);
        }

        Assert.Equal(1, await OutboxCountAsync("UserBlocked", "blockerId", alice.Id));
        Assert.Equal(1, await OutboxCountAsync("UserUnblocked", "blockerId", alice.Id));
        Assert.Equal(1, await OutboxCountAsync("ContactRemoved", "ownerId", bob.Id));
    }

    private Task<long> OutboxCountAsync(string eventName, string property, Guid id) =>
        new IdentityDatabase(fixture.Database).OutboxCountAsync(eventName, property, id);
}
