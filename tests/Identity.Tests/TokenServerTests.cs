using System.Net;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>The standard OAuth side of the server, and keys that outlive the process.</summary>
[Collection(IdentityCollection.Name)]
public sealed class TokenServerTests(IdentityFixture fixture)
{
    [Fact]
    public async Task The_token_endpoint_serves_the_password_grant_to_the_web_client()
    {
        using var response = await PasswordGrantAsync(new() { ["client_id"] = "webrtcchat-web", ["scope"] = "openid offline_access profile" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AuthClient.BodyAsync(response);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refresh_token").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("id_token").GetString()));
    }

    [Fact]
    public async Task The_password_grant_is_refused_to_an_unknown_client()
    {
        using var response = await PasswordGrantAsync(new() { ["client_id"] = "someone-else" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await AuthClient.BodyAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_password_grant_is_refused_to_a_relying_party_even_with_its_secret()
    {
        using var response = await PasswordGrantAsync(new()
        {
            ["client_id"] = IdentityFixture.RelyingPartyId,
            ["client_secret"] = IdentityFixture.RelyingPartySecret,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unauthorized_client", (await AuthClient.BodyAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Tokens_issued_before_a_restart_still_work_after_it()
    {
        string accessToken;
        string refreshToken;
        using (var http = fixture.Host.CreateClient())
        {
            var (_, registered) = await new AuthClient(http).RegisterNewAsync();
            accessToken = registered.GetProperty("token").GetString()!;
            refreshToken = registered.GetProperty("refreshToken").GetString()!;
        }

        // A second instance on the same database stands in for the restarted process: it must load, not regenerate, the keys.
        await using var restarted = new ServiceFactory<IdentityApp>(fixture.Settings);
        using var client = restarted.CreateClient();
        var auth = new AuthClient(client);

        using var me = await auth.MeAsync(accessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        using var refreshed = await auth.RefreshAsync(refreshToken);
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
    }

    /// <summary>A password grant for a fresh user, with the client parameters in <paramref name="client"/>.</summary>
    private async Task<HttpResponseMessage> PasswordGrantAsync(Dictionary<string, string> client)
    {
        using var http = fixture.Host.CreateClient();
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        client["grant_type"] = "password";
        client["username"] = name;
        client["password"] = AuthClient.GoodPassword;
        return await http.PostAsync(new Uri("/connect/token", UriKind.Relative), new FormUrlEncodedContent(client));
    }
}
