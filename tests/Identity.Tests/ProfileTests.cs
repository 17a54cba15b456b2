using System.Net;

namespace WebRtcChat.Identity.Tests;

/// <summary>Editing your profile and preferences: partial updates, per-field validation.</summary>
[Collection(IdentityCollection.Name)]
public sealed class ProfileTests(IdentityFixture fixture)
{
    [Fact]
    public async Task A_profile_update_is_partial_and_visible_to_others()
    {
        using var http = fixture.Host.CreateClient();
        var alice = await SocialClient.RegisterAsync(http);
        var bob = await SocialClient.RegisterAsync(http);

        using var first = await alice.UpdateProfileAsync(new
        {
            displayName = "Alice Liddell",
            bio = "Down the rabbit hole",
            status = "busy",
            website = "https://alice.example.com",
            socialLinks = new Dictionary<string, string> { ["github"] = "https://github.com/alice" },
        });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using var second = await alice.UpdateProfileAsync(new { location = "Wonderland" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        using var seen = await bob.GetUserAsync(alice.Id);
        Assert.Equal(HttpStatusCode.OK, seen.StatusCode);
        var body = await AuthClient.BodyAsync(seen);
        Assert.Equal("Alice Liddell", body.GetProperty("displayName").GetString());
        var profile = body.GetProperty("profile");
        Assert.Equal("Down the rabbit hole", profile.GetProperty("bio").GetString());
        Assert.Equal("busy", profile.GetProperty("status").GetString());
        Assert.Equal("Wonderland", profile.GetProperty("location").GetString());
        Assert.Equal("https://github.com/alice", profile.GetProperty("socialLinks").GetProperty("github").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("preferences").ValueKind);
    }

    [Fact]
    public async Task Invalid_profile_fields_are_reported_per_field_and_nothing_is_saved()
    {
        using var http = fixture.Host.CreateClient();
        var alice = await SocialClient.RegisterAsync(http);

        using var response = await alice.UpdateProfileAsync(new
        {
            displayName = new string('x', 65),
            bio = new string('b', 501),
            status = "sleeping",
            phone = "call me maybe",
            website = "javascript:alert(1)",
            socialLinks = new Dictionary<string, string> { ["github"] = "ftp://github.com/alice" },
        });
        var errors = await SocialClient.ErrorsAsync(response);
        foreach (var field in new[] { "displayName", "bio", "status", "phone", "website", "socialLinks.github" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"expected an error for {field}");
        }

        using var own = await alice.GetUserAsync(alice.Id);
        var body = await AuthClient.BodyAsync(own);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, body.GetProperty("displayName").ValueKind);
        Assert.Equal("offline", body.GetProperty("profile").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Preferences_update_partially_and_reject_unknown_values()
    {
        using var http = fixture.Host.CreateClient();
        var alice = await SocialClient.RegisterAsync(http);

        using var updated = await alice.UpdatePreferencesAsync(new { theme = "dark", notifications = new { sound = false }, videoQuality = "high" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var preferences = await AuthClient.BodyAsync(updated);
        Assert.Equal("dark", preferences.GetProperty("theme").GetString());
        Assert.Equal("high", preferences.GetProperty("videoQuality").GetString());
        Assert.False(preferences.GetProperty("notifications").GetProperty("sound").GetBoolean());
        Assert.True(preferences.GetProperty("notifications").GetProperty("email").GetBoolean());
        Assert.Equal("public", preferences.GetProperty("privacy").GetProperty("profileVisibility").GetString());

        using var invalid = await alice.UpdatePreferencesAsync(new { theme = "neon", videoQuality = "8k", privacy = new { profileVisibility = "everyone" } });
        var errors = await SocialClient.ErrorsAsync(invalid);
        Assert.True(errors.TryGetProperty("theme", out _));
        Assert.True(errors.TryGetProperty("videoQuality", out _));
        Assert.True(errors.TryGetProperty("privacy.profileVisibility", out _));

        using var own = await alice.GetUserAsync(alice.Id);
        Assert.Equal("dark", (await AuthClient.BodyAsync(own)).GetProperty("preferences").GetProperty("theme").GetString());
    }

    [Fact]
    public async Task Profile_endpoints_need_a_token_and_unknown_users_are_404()
    {
        using var http = fixture.Host.CreateClient();
        using var anonymous = await http.GetAsync($"/api/users/{Guid.CreateVersion7()}");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        var alice = await SocialClient.RegisterAsync(http);
        using var unknown = await alice.GetUserAsync(Guid.CreateVersion7());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
