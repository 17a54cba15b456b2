using System.Net;

namespace WebRtcChat.Identity.Tests;

/// <summary>User search: prefix before substring matches, on username and display name, with its exclusions and limits.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SearchTests(IdentityFixture fixture)
{
    [Fact]
    public async Task Search_ranks_prefix_matches_first_and_excludes_the_caller_blockers_and_private_profiles()
    {
        using var http = fixture.Host.CreateClient();
        var tag = "s" + Guid.NewGuid().ToString("N")[..10];
        var caller = await SocialClient.RegisterAsync(http, tag + "me");
        var prefix = await SocialClient.RegisterAsync(http, tag + "x1");
        var contains = await SocialClient.RegisterAsync(http, "aa" + tag);
        var byDisplayName = await SocialClient.RegisterAsync(http);
        var hidden = await SocialClient.RegisterAsync(http, tag + "pv");
        var blocker = await SocialClient.RegisterAsync(http, tag + "bl");

        using (var named = await byDisplayName.UpdateProfileAsync(new { displayName = tag.ToUpperInvariant() + " Smith" }))
        {
            Assert.Equal(HttpStatusCode.OK, named.StatusCode);
        }

        using (var hide = await hidden.SetVisibilityAsync("private"))
        {
            Assert.Equal(HttpStatusCode.OK, hide.StatusCode);
        }

        using (var block = await blocker.BlockAsync(caller.Id))
        {
            Assert.Equal(HttpStatusCode.Created, block.StatusCode);
        }

        using var search = await caller.SearchAsync(tag);
        var found = await SocialClient.IdsAsync(search, "id");
        Assert.Equal(3, found.Count);
        Assert.Equal(new[] { prefix.Id, byDisplayName.Id }.Order(), found.Take(2).Order());
        Assert.Equal(contains.Id, found[2]);

        // The block hides the blocker from the blocked user only.
        using var other = await prefix.SearchAsync(tag);
        Assert.Contains(blocker.Id, await SocialClient.IdsAsync(other, "id"));

        using var limited = await caller.SearchAsync(tag, limit: 1);
        Assert.Single(await SocialClient.IdsAsync(limited, "id"));
    }

    [Theory]
    [InlineData("", null, "query")]
    [InlineData("abc", 0, "limit")]
    [InlineData("abc", 51, "limit")]
    public async Task Search_rejects_an_empty_query_and_limits_outside_1_to_50(string query, int? limit, string field)
    {
        using var http = fixture.Host.CreateClient();
        var caller = await SocialClient.RegisterAsync(http);
        using var response = await caller.SearchAsync(query, limit);
        var errors = await SocialClient.ErrorsAsync(response);
        Assert.True(errors.TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Like_wildcards_in_the_query_match_literally()
    {
        using var http = fixture.Host.CreateClient();
        var caller = await SocialClient.RegisterAsync(http);
        using var response = await caller.SearchAsync("%");
        Assert.Empty(await SocialClient.IdsAsync(response, "id"));
    }
}
