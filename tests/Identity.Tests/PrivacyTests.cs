using System.Net;

namespace WebRtcChat.Identity.Tests;

/// <summary>Who can see and search whom: profile visibility against the viewer's relation to the owner.</summary>
[Collection(IdentityCollection.Name)]
public sealed class PrivacyTests(IdentityFixture fixture)
{
    public enum Relation
    {
        Contact,
        Stranger,
        BlockedByOwner,
    }

    [Theory]
    [InlineData("public", Relation.Contact, HttpStatusCode.OK)]
    [InlineData("public", Relation.Stranger, HttpStatusCode.OK)]
    [InlineData("public", Relation.BlockedByOwner, HttpStatusCode.NotFound)]
    [InlineData("contacts", Relation.Contact, HttpStatusCode.OK)]
    [InlineData("contacts", Relation.Stranger, HttpStatusCode.Forbidden)]
    [InlineData("contacts", Relation.BlockedByOwner, HttpStatusCode.NotFound)]
    [InlineData("private", Relation.Contact, HttpStatusCode.Forbidden)]
    [InlineData("private", Relation.Stranger, HttpStatusCode.Forbidden)]
    [InlineData("private", Relation.BlockedByOwner, HttpStatusCode.NotFound)]
    public async Task A_profile_is_visible_and_searchable_only_as_its_owner_allows(string visibility, Relation relation, HttpStatusCode expected)
    {
        using var http = fixture.Host.CreateClient();
        var owner = await SocialClient.RegisterAsync(http);
        var viewer = await SocialClient.RegisterAsync(http);
        using (var set = await owner.SetVisibilityAsync(visibility))
        {
            Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        }

        using (var arranged = relation switch
        {
            Relation.Contact => await owner.AddContactAsync(viewer.Id),
            Relation.BlockedByOwner => await owner.BlockAsync(viewer.Id),
            _ => null,
        })
        {
            Assert.True(arranged is null || arranged.StatusCode == HttpStatusCode.Created);
        }

        using var seen = await viewer.GetUserAsync(owner.Id);
        Assert.Equal(expected, seen.StatusCode);

        using var search = await viewer.SearchAsync(owner.Name);
        var found = await SocialClient.IdsAsync(search, "id");
        Assert.Equal(expected == HttpStatusCode.OK, found.Contains(owner.Id));

        // The owner always sees their own profile, whatever its visibility.
        using var own = await owner.GetUserAsync(owner.Id);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
    }

    [Fact]
    public async Task The_seeds_friends_visibility_means_contacts()
    {
        using var http = fixture.Host.CreateClient();
        var owner = await SocialClient.RegisterAsync(http);
        using var set = await owner.SetVisibilityAsync("friends");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var preferences = await AuthClient.BodyAsync(set);
        Assert.Equal("contacts", preferences.GetProperty("privacy").GetProperty("profileVisibility").GetString());
    }
}
