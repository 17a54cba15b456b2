using System.Net;

namespace WebRtcChat.Identity.Tests;

/// <summary>A session end to end: register, login, me, refresh rotation with reuse detection, logout.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SessionTests(IdentityFixture fixture)
{
    [Fact]
    public async Task A_session_rotates_refresh_tokens_detects_reuse_and_ends_at_logout()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (name, registered) = await auth.RegisterNewAsync();
        Assert.True(registered.GetProperty("success").GetBoolean());
        Assert.Equal(name, registered.GetProperty("user").GetProperty("username").GetString());
        Assert.True(registered.GetProperty("expiresIn").GetInt32() > 0);

        using var login = await auth.LoginAsync(name);
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        var session = await AuthClient.BodyAsync(login);
        var accessToken = session.GetProperty("token").GetString()!;
        var firstRefresh = session.GetProperty("refreshToken").GetString()!;

        using var me = await auth.MeAsync(accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        Assert.Equal($"{name}@example.com", (await AuthClient.BodyAsync(me)).GetProperty("email").GetString());

        using var refreshed = await auth.RefreshAsync(firstRefresh);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var rotated = await AuthClient.BodyAsync(refreshed);
        var secondRefresh = rotated.GetProperty("refreshToken").GetString()!;
        Assert.NotEqual(firstRefresh, secondRefresh);
        using var meAgain = await auth.MeAsync(rotated.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, meAgain.StatusCode);

        using var reused = await auth.RefreshAsync(firstRefresh);
        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);

        // Reuse revoked the whole family: the newer refresh token is dead too.
        using var familyRevoked = await auth.RefreshAsync(secondRefresh);
        Assert.Equal(HttpStatusCode.Unauthorized, familyRevoked.StatusCode);
    }

    [Fact]
    public async Task Logout_revokes_the_sessions_refresh_and_access_tokens()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        var (_, registered) = await auth.RegisterNewAsync();
        var accessToken = registered.GetProperty("token").GetString()!;

        using var logout = await auth.LogoutAsync(accessToken);
        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);

        using var refresh = await auth.RefreshAsync(registered.GetProperty("refreshToken").GetString()!);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        using var me = await auth.MeAsync(accessToken);
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task Me_without_a_valid_token_is_401()
    {
        using var http = fixture.Host.CreateClient();
        var auth = new AuthClient(http);
        using var me = await auth.MeAsync("not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, me.StatusCode);
    }

    [Fact]
    public async Task The_server_publishes_discovery_and_signs_access_tokens_with_a_published_key()
    {
        using var http = fixture.Host.CreateClient();
        var discovery = await AuthClient.BodyAsync(await http.GetAsync("/.well-known/openid-configuration"));
        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        var jwks = await AuthClient.BodyAsync(await http.GetAsync(new Uri(discovery.GetProperty("jwks_uri").GetString()!).PathAndQuery));

        var (_, registered) = await new AuthClient(http).RegisterNewAsync();
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(registered.GetProperty("token").GetString());
        Assert.Equal("RS256", token.Alg);
        Assert.Contains(jwks.GetProperty("keys").EnumerateArray(), key => key.GetProperty("kid").GetString() == token.Kid);
        Assert.Contains("webrtcchat", token.Audiences);
    }
}
