using System.Net;
using System.Net.Http.Headers;
using Duende.IdentityModel.OidcClient;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// The authorization code flow with PKCE for the web client, driven by a real OIDC client library (Duende OidcClient)
/// through the login and consent pages with <see cref="TestBrowser"/>.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class AuthorizationCodeFlowTests(IdentityFixture fixture)
{
    private const string Authority = "http://localhost/";

    [Fact]
    public async Task Signing_in_through_the_login_and_consent_pages_returns_tokens_userinfo_and_a_working_refresh()
    {
        var name = await RegisterAsync();
        using var browser = Browser(name);

        var result = await Client(browser).LoginAsync();

        Assert.False(result.IsError, result.Error);
        Assert.True(browser.SawLoginPage);
        Assert.True(browser.SawConsentPage);
        Assert.False(string.IsNullOrEmpty(result.IdentityToken));
        Assert.False(string.IsNullOrEmpty(result.RefreshToken));
        Assert.Equal(name, result.User.FindFirst("name")?.Value);

        var userInfo = await Client(browser).GetUserInfoAsync(result.AccessToken);
        Assert.False(userInfo.IsError, userInfo.Error);
        Assert.Equal($"{name}@example.com", userInfo.Claims.Single(c => c.Type == "email").Value);
        Assert.Equal(result.User.FindFirst("sub")?.Value, userInfo.Claims.Single(c => c.Type == "sub").Value);

        var refreshed = await Client(browser).RefreshTokenAsync(result.RefreshToken);
        Assert.False(refreshed.IsError, refreshed.Error);
        Assert.NotEqual(result.RefreshToken, refreshed.RefreshToken);
        using var http = fixture.Host.CreateClient();
        using var me = await new AuthClient(http).MeAsync(refreshed.AccessToken);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_confidential_relying_party_signs_users_in_with_its_secret()
    {
        var name = await RegisterAsync();
        using var browser = Browser(name);
        var options = Options(Authority, browser, Network());
        options.ClientId = IdentityFixture.RelyingPartyId;
        options.ClientSecret = IdentityFixture.RelyingPartySecret;
        options.RedirectUri = IdentityFixture.RelyingPartyRedirectUri;

        var result = await new OidcClient(options).LoginAsync();

        Assert.False(result.IsError, result.Error);
        Assert.True(browser.SawConsentPage);
        Assert.Contains("test-relying-party", browser.Pages.Single(p => p.IsConsent).Html, StringComparison.Ordinal);
        Assert.Equal(name, result.User.FindFirst("name")?.Value);
    }

    [Fact]
    public async Task Consent_is_remembered_so_a_second_sign_in_skips_it()
    {
        var name = await RegisterAsync();
        using (var first = Browser(name))
        {
            Assert.False((await Client(first).LoginAsync()).IsError);
            Assert.True(first.SawConsentPage);

            // Same browser: still signed in and already allowed, so the client gets a code without a page.
            var again = await Client(first).LoginAsync();
            Assert.False(again.IsError, again.Error);
            Assert.Equal(2, first.Pages.Count);
        }

        using var second = Browser(name);
        var result = await Client(second).LoginAsync();

        Assert.False(result.IsError, result.Error);
        Assert.True(second.SawLoginPage);
        Assert.False(second.SawConsentPage);
    }

    [Fact]
    public async Task A_wrong_password_shows_the_login_page_again_with_an_error()
    {
        var name = await RegisterAsync();
        using var browser = Browser(name);
        browser.Passwords.Clear();
        browser.Passwords.Enqueue("not-the-Password-1");
        browser.Passwords.Enqueue(AuthClient.GoodPassword);

        var result = await Client(browser).LoginAsync();

        Assert.False(result.IsError, result.Error);
        var logins = browser.Pages.Where(p => p.IsLogin).ToList();
        Assert.Equal(2, logins.Count);
        Assert.Null(logins[0].Error);
        Assert.Equal(HttpStatusCode.Unauthorized, logins[1].Status);
        Assert.Equal("The login or password is incorrect.", logins[1].Error);
    }

    [Fact]
    public async Task Denying_consent_returns_access_denied_to_the_client()
    {
        var name = await RegisterAsync();
        using var browser = Browser(name);
        browser.Consent = "deny";

        var result = await Client(browser).LoginAsync();

        Assert.True(result.IsError);
        Assert.Equal("access_denied", result.Error);
    }

    [Fact]
    public async Task The_public_web_client_must_use_PKCE()
    {
        using var http = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(AuthorizeUrl(IdentityFixture.WebClientRedirectUri, pkce: false));

        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("error:invalid_request", body, StringComparison.Ordinal);
        Assert.Contains("'code_challenge' parameter required for this client application is missing", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unregistered_redirect_uri_is_an_error_without_a_redirect()
    {
        using var http = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(AuthorizeUrl("https://evil.example/callback", pkce: true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.Contains("redirect_uri", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_login_form_refuses_a_post_without_its_antiforgery_token()
    {
        using var http = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var name = await RegisterAsync();

        using var response = await http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["login"] = name,
            ["password"] = AuthClient.GoodPassword,
            ["returnUrl"] = "/connect/authorize",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".WebRtcChat.Login", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_login_page_returns_only_to_local_urls()
    {
        var name = await RegisterAsync();
        using var http = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var url = new Uri("/account/login?returnUrl=https%3A%2F%2Fevil.example%2F", UriKind.Relative);
        using var shown = await http.GetAsync(url);
        var fields = new TestBrowser.ShownPage(url, shown.StatusCode, await shown.Content.ReadAsStringAsync()).Fields();
        Assert.Equal("/", fields["returnUrl"]);

        fields["returnUrl"] = "//evil.example/";
        fields["login"] = name;
        fields["password"] = AuthClient.GoodPassword;
        using var signedIn = await http.PostAsync(new Uri("/account/login", UriKind.Relative), new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_code_flow_access_token_is_accepted_by_a_resource_service()
    {
        await using var hosts = await ResourceServiceHost.StartAsync(fixture.Infrastructure, fixture.Database);
        string name;
        using (var http = hosts.CreateIdentityClient())
        {
            (name, _) = await new AuthClient(http).RegisterNewAsync();
        }

        using var browser = new TestBrowser(PublicNetwork(hosts), name);
        var client = new OidcClient(Options(ResourceServiceHost.Issuer.AbsoluteUri, browser, PublicNetwork(hosts)));
        var result = await client.LoginAsync();
        Assert.False(result.IsError, result.Error);

        using var search = hosts.CreateSearchClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", result.AccessToken);
        using var response = await search.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(result.User.FindFirst("sub")?.Value, await response.Content.ReadAsStringAsync());
    }

    private async Task<string> RegisterAsync()
    {
        using var http = fixture.Host.CreateClient();
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        return name;
    }

    private TestBrowser Browser(string name) => new(Network(), name);

    private OidcClient Client(TestBrowser browser) => new(Options(Authority, browser, Network()));

    private TestNetwork Network() => new(new Dictionary<string, HttpMessageHandler>(StringComparer.OrdinalIgnoreCase)
    {
        ["localhost"] = fixture.Host.Server.CreateHandler(),
    });

    /// <summary>The resource-service host's Identity under its public issuer name.</summary>
    private static TestNetwork PublicNetwork(ResourceServiceHost hosts) => new(new Dictionary<string, HttpMessageHandler>(StringComparer.OrdinalIgnoreCase)
    {
        [ResourceServiceHost.Issuer.Authority] = TestNetwork.Port(hosts.IdentityAddress),
    });

    private static OidcClientOptions Options(string authority, TestBrowser browser, HttpMessageHandler network) => new()
    {
        Authority = authority,
        ClientId = "webrtcchat-web",
        RedirectUri = IdentityFixture.WebClientRedirectUri,
        Scope = "openid profile email offline_access",
        Browser = browser,
        BackchannelHandler = network,
        LoadProfile = true,
        Policy = { Discovery = { RequireHttps = false } },
    };

    private static Uri AuthorizeUrl(string redirectUri, bool pkce)
    {
        var query = new Dictionary<string, string?>
        {
            ["client_id"] = "webrtcchat-web",
            ["response_type"] = "code",
            ["scope"] = "openid profile",
            ["redirect_uri"] = redirectUri,
            ["state"] = "xyz",
        };
        if (pkce)
        {
            query["code_challenge"] = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";
            query["code_challenge_method"] = "S256";
        }

        return new Uri("/connect/authorize" + Microsoft.AspNetCore.Http.QueryString.Create(query), UriKind.Relative);
    }
}
