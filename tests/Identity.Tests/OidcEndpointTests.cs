using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace WebRtcChat.Identity.Tests;

/// <summary>client_credentials, userinfo, revocation, end-session and their discovery entries, against the real server.</summary>
[Collection(IdentityCollection.Name)]
public sealed class OidcEndpointTests(IdentityFixture fixture)
{
    private const string WebClient = "webrtcchat-web";

    [Fact]
    public async Task A_service_client_gets_a_token_for_itself_with_the_api_audience()
    {
        using var http = fixture.Host.CreateClient();
        using var response = await ClientCredentialsAsync(http, IdentityFixture.ServiceClientSecret);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AuthClient.BodyAsync(response);
        Assert.False(body.TryGetProperty("refresh_token", out _));
        var payload = Payload(body.GetProperty("access_token").GetString()!);
        Assert.Equal(IdentityFixture.ServiceClientId, payload.GetProperty("sub").GetString());
        Assert.Contains("webrtcchat", Audiences(payload));
    }

    [Fact]
    public async Task A_service_client_with_a_wrong_secret_is_an_invalid_client()
    {
        using var http = fixture.Host.CreateClient();
        using var response = await ClientCredentialsAsync(http, "not-the-secret");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("invalid_client", (await AuthClient.BodyAsync(response)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_web_client_cannot_use_client_credentials()
    {
        using var http = fixture.Host.CreateClient();
        using var response = await PostAsync(http, "/connect/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = WebClient,
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Userinfo_returns_the_users_claims_for_the_granted_scopes()
    {
        using var http = fixture.Host.CreateClient();
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        var tokens = await PasswordAsync(http, name, "openid profile email");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = await AuthClient.BodyAsync(response);
        var subject = Payload(tokens.GetProperty("access_token").GetString()!).GetProperty("sub").GetString();
        Assert.Equal(subject, claims.GetProperty("sub").GetString());
        Assert.Equal(name, claims.GetProperty("name").GetString());
        Assert.Equal($"{name}@example.com", claims.GetProperty("email").GetString());
        Assert.False(claims.GetProperty("email_verified").GetBoolean());
    }

    [Fact]
    public async Task Userinfo_leaves_out_claims_of_scopes_not_granted()
    {
        using var http = fixture.Host.CreateClient();
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        var tokens = await PasswordAsync(http, name, "openid");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("access_token").GetString());
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var claims = await AuthClient.BodyAsync(response);
        Assert.True(claims.TryGetProperty("sub", out _));
        Assert.False(claims.TryGetProperty("name", out _));
        Assert.False(claims.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Userinfo_without_a_token_is_unauthorized()
    {
        using var http = fixture.Host.CreateClient();
        using var response = await http.GetAsync(new Uri("/connect/userinfo", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Userinfo_refuses_a_service_token()
    {
        using var http = fixture.Host.CreateClient();
        using var issued = await ClientCredentialsAsync(http, IdentityFixture.ServiceClientSecret);
        var accessToken = (await AuthClient.BodyAsync(issued)).GetProperty("access_token").GetString();

        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_revoked_refresh_token_cannot_be_used()
    {
        using var http = fixture.Host.CreateClient();
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        var refreshToken = (await PasswordAsync(http, name, "openid offline_access")).GetProperty("refresh_token").GetString()!;

        using var revoked = await PostAsync(http, "/connect/revoke", new()
        {
            ["token"] = refreshToken,
            ["token_type_hint"] = "refresh_token",
            ["client_id"] = WebClient,
        });
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        using var refreshed = await RefreshAsync(http, refreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", (await AuthClient.BodyAsync(refreshed)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task End_session_revokes_the_users_refresh_tokens()
    {
        using var http = fixture.Host.CreateClient();
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        var tokens = await PasswordAsync(http, name, "openid offline_access profile");

        using var ended = await PostAsync(http, "/connect/endsession", new()
        {
            ["id_token_hint"] = tokens.GetProperty("id_token").GetString()!,
            ["client_id"] = WebClient,
        });
        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);

        using var refreshed = await RefreshAsync(http, tokens.GetProperty("refresh_token").GetString()!);
        Assert.Equal(HttpStatusCode.BadRequest, refreshed.StatusCode);
        Assert.Equal("invalid_grant", (await AuthClient.BodyAsync(refreshed)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task End_session_without_a_hint_or_redirect_answers_ok()
    {
        using var http = fixture.Host.CreateClient(new() { AllowAutoRedirect = false });
        using var ended = await http.GetAsync(new Uri("/connect/endsession", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ended.StatusCode);
    }

    [Fact]
    public async Task End_session_redirects_to_a_registered_post_logout_redirect_uri()
    {
        using var http = fixture.Host.CreateClient(new() { AllowAutoRedirect = false });
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        var tokens = await PasswordAsync(http, name, "openid offline_access");

        using var ended = await PostAsync(http, "/connect/endsession", new()
        {
            ["id_token_hint"] = tokens.GetProperty("id_token").GetString()!,
            ["client_id"] = WebClient,
            ["post_logout_redirect_uri"] = IdentityFixture.PostLogoutRedirectUri,
            ["state"] = "xyz",
        });

        Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        Assert.StartsWith(IdentityFixture.PostLogoutRedirectUri, ended.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Contains("state=xyz", ended.Headers.Location!.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task End_session_refuses_an_unregistered_post_logout_redirect_uri()
    {
        using var http = fixture.Host.CreateClient(new() { AllowAutoRedirect = false });
        using var ended = await PostAsync(http, "/connect/endsession", new()
        {
            ["client_id"] = WebClient,
            ["post_logout_redirect_uri"] = "https://evil.example/",
        });

        Assert.Equal(HttpStatusCode.BadRequest, ended.StatusCode);
    }

    [Fact]
    public async Task Discovery_lists_the_endpoints_and_grants()
    {
        using var http = fixture.Host.CreateClient();
        using var response = await http.GetAsync(new Uri("/.well-known/openid-configuration", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var discovery = await AuthClient.BodyAsync(response);

        Assert.EndsWith("/connect/token", discovery.GetProperty("token_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/userinfo", discovery.GetProperty("userinfo_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/revoke", discovery.GetProperty("revocation_endpoint").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("/connect/endsession", discovery.GetProperty("end_session_endpoint").GetString(), StringComparison.Ordinal);
        var grants = discovery.GetProperty("grant_types_supported").EnumerateArray().Select(g => g.GetString()).ToList();
        Assert.Contains("client_credentials", grants);
        Assert.Contains("password", grants);
        Assert.Contains("refresh_token", grants);
    }

    private static Task<HttpResponseMessage> ClientCredentialsAsync(HttpClient http, string secret) =>
        PostAsync(http, "/connect/token", new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = IdentityFixture.ServiceClientId,
            ["client_secret"] = secret,
        });

    private static async Task<JsonElement> PasswordAsync(HttpClient http, string name, string scope)
    {
        using var response = await PostAsync(http, "/connect/token", new()
        {
            ["grant_type"] = "password",
            ["client_id"] = WebClient,
            ["username"] = name,
            ["password"] = AuthClient.GoodPassword,
            ["scope"] = scope,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AuthClient.BodyAsync(response);
    }

    private static Task<HttpResponseMessage> RefreshAsync(HttpClient http, string refreshToken) =>
        PostAsync(http, "/connect/token", new()
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = WebClient,
            ["refresh_token"] = refreshToken,
        });

    private static async Task<HttpResponseMessage> PostAsync(HttpClient http, string path, Dictionary<string, string> form)
    {
        using var content = new FormUrlEncodedContent(form);
        return await http.PostAsync(new Uri(path, UriKind.Relative), content);
    }

    private static JsonElement Payload(string jwt)
    {
        var part = jwt.Split('.')[1].Replace('-', '+').Replace('_', '/');
        part = part.PadRight(part.Length + ((4 - (part.Length % 4)) % 4), '=');
        return JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(part))).RootElement.Clone();
    }

    private static List<string?> Audiences(JsonElement payload) => payload.GetProperty("aud") switch
    {
        { ValueKind: JsonValueKind.Array } array => [.. array.EnumerateArray().Select(a => a.GetString())],
        var single => [single.GetString()],
    };
}
