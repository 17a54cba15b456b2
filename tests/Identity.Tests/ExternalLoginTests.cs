using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// External login against a second, real Identity instance configured as a generic OpenID Connect provider: the app
/// creates or links the account, hands the web client a one-time code, and the code buys our tokens once.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class ExternalLoginTests(IdentityFixture fixture)
{
    private const string Start = $"http://localhost/api/auth/external/{ExternalLoginHosts.ProviderName}";

    [Fact]
    public async Task A_first_external_login_creates_an_account_and_the_next_one_signs_into_it()
    {
        var hosts = await fixture.ExternalLoginAsync();
        var name = await RegisterAtProviderAsync(hosts, emailConfirmed: true);

        var first = await SignInAsync(hosts, name);
        var second = await SignInAsync(hosts, name);

        var user = first.GetProperty("user");
        Assert.True(first.GetProperty("success").GetBoolean());
        Assert.Equal(name, user.GetProperty("username").GetString());
        Assert.Equal($"{name}@example.com", user.GetProperty("email").GetString());
        Assert.True(user.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal(user.GetProperty("id").GetString(), second.GetProperty("user").GetProperty("id").GetString());
        using var http = hosts.App.CreateClient();
        using var me = await new AuthClient(http).MeAsync(second.GetProperty("token").GetString()!);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Fact]
    public async Task A_verified_email_links_to_the_existing_account_without_a_duplicate()
    {
        var hosts = await fixture.ExternalLoginAsync();
        var name = await RegisterAtProviderAsync(hosts, emailConfirmed: true);
        using var http = hosts.App.CreateClient();
        var auth = new AuthClient(http);
        var (localName, registered) = await RegisterLocallyAsync(auth, $"{name}@example.com");
        var localId = registered.GetProperty("user").GetProperty("id").GetString();
        await ExternalLoginHosts.SetEmailConfirmedAsync(hosts.AppDatabase, localName, confirmed: true);

        var first = await SignInAsync(hosts, name);
        var second = await SignInAsync(hosts, name);

        Assert.Equal(localId, first.GetProperty("user").GetProperty("id").GetString());
        Assert.Equal(localName, first.GetProperty("user").GetProperty("username").GetString());
        Assert.Equal(localId, second.GetProperty("user").GetProperty("id").GetString());
        using var passwordLogin = await auth.LoginAsync(localName);
        Assert.Equal(HttpStatusCode.OK, passwordLogin.StatusCode);
    }

    [Fact]
    public async Task Linking_to_an_account_whose_email_was_never_confirmed_drops_its_password()
    {
        var hosts = await fixture.ExternalLoginAsync();
        var name = await RegisterAtProviderAsync(hosts, emailConfirmed: true);
        using var http = hosts.App.CreateClient();
        var auth = new AuthClient(http);
        var (squatter, registered) = await RegisterLocallyAsync(auth, $"{name}@example.com");
        var squatterRefresh = registered.GetProperty("refreshToken").GetString()!;

        var signedIn = await SignInAsync(hosts, name);

        Assert.Equal(squatter, signedIn.GetProperty("user").GetProperty("username").GetString());
        Assert.True(signedIn.GetProperty("user").GetProperty("emailConfirmed").GetBoolean());
        using var passwordLogin = await auth.LoginAsync(squatter);
        Assert.Equal(HttpStatusCode.Unauthorized, passwordLogin.StatusCode);
        using var oldSession = await auth.RefreshAsync(squatterRefresh);
        Assert.Equal(HttpStatusCode.Unauthorized, oldSession.StatusCode);
    }

    [Fact]
    public async Task An_unverified_email_of_an_existing_account_is_refused_and_not_linked()
    {
        var hosts = await fixture.ExternalLoginAsync();
        var name = await RegisterAtProviderAsync(hosts, emailConfirmed: false);
        using var http = hosts.App.CreateClient();
        var auth = new AuthClient(http);
        var (localName, _) = await RegisterLocallyAsync(auth, $"{name}@example.com");

        var end = await BrowseAsync(hosts, name);

        var fragment = Fragment(end);
        Assert.Equal("account_exists", fragment["error"]);
        Assert.Contains("not linked", fragment["error_description"], StringComparison.Ordinal);
        Assert.False(fragment.ContainsKey("code"));
        using var passwordLogin = await auth.LoginAsync(localName);
        Assert.Equal(HttpStatusCode.OK, passwordLogin.StatusCode);
        using var registeredAgain = await auth.RegisterAsync(name, $"{name}@example.com");
        Assert.Equal(HttpStatusCode.Conflict, registeredAgain.StatusCode);
    }

    [Fact]
    public async Task Cancelling_at_the_provider_returns_access_denied_to_the_web_client()
    {
        var hosts = await fixture.ExternalLoginAsync();
        var name = await RegisterAtProviderAsync(hosts, emailConfirmed: true);

        var end = await BrowseAsync(hosts, name, consent: "deny");

        var fragment = Fragment(end);
        Assert.Equal("access_denied", fragment["error"]);
        Assert.False(fragment.ContainsKey("code"));
    }

    [Fact]
    public async Task A_sign_in_code_works_once()
    {
        var hosts = await fixture.ExternalLoginAsync();
        var name = await RegisterAtProviderAsync(hosts, emailConfirmed: true);
        var code = Fragment(await BrowseAsync(hosts, name))["code"];
        using var http = hosts.App.CreateClient();

        using var first = await http.PostAsJsonAsync("/api/auth/external/exchange", new { code });
        using var second = await http.PostAsJsonAsync("/api/auth/external/exchange", new { code });
        using var missing = await http.PostAsJsonAsync("/api/auth/external/exchange", new { code = "" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, second.StatusCode);
        Assert.Equal("Invalid sign-in code", (await AuthClient.BodyAsync(second)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Theory]
    [InlineData("/api/auth/google", "google")]
    [InlineData("/api/auth/google/callback", "google")]
    [InlineData("/api/auth/external/nowhere", "nowhere")]
    [InlineData("/api/auth/external/nowhere/callback", "nowhere")]
    public async Task An_unconfigured_provider_is_404_with_a_clear_message(string path, string provider)
    {
        using var http = fixture.Host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Sign-in with '{provider}' is not configured on this server.", (await AuthClient.BodyAsync(response)).GetProperty("detail").GetString());
    }

    private static async Task<string> RegisterAtProviderAsync(ExternalLoginHosts hosts, bool emailConfirmed)
    {
        using var http = hosts.CreateProviderClient();
        var (name, _) = await new AuthClient(http).RegisterNewAsync();
        if (emailConfirmed)
        {
            await ExternalLoginHosts.SetEmailConfirmedAsync(hosts.ProviderDatabase, name, confirmed: true);
        }

        return name;
    }

    /// <summary>Registers an account in the app (not at the provider) with <paramref name="email"/>.</summary>
    private static async Task<(string Name, JsonElement Body)> RegisterLocallyAsync(AuthClient auth, string email)
    {
        var name = AuthClient.NewName();
        using var registered = await auth.RegisterAsync(name, email);
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        return (name, await AuthClient.BodyAsync(registered));
    }

    /// <summary>Signs in at the provider as <paramref name="name"/> through the app's external login; where the app sends the browser back.</summary>
    private static async Task<Uri> BrowseAsync(ExternalLoginHosts hosts, string name, string consent = "allow")
    {
        using var browser = hosts.Browser(name);
        browser.Consent = consent;
        var end = await browser.BrowseAsync(new Uri(Start), ExternalLoginHosts.ReturnUrl);
        Assert.True(end is not null, $"The browser stopped at {browser.Pages.LastOrDefault()?.Url}: {browser.Pages.LastOrDefault()?.Html}");
        return end;
    }

    /// <summary>The whole external login: browse, then redeem the code for the seed's auth response.</summary>
    private static async Task<JsonElement> SignInAsync(ExternalLoginHosts hosts, string name)
    {
        var fragment = Fragment(await BrowseAsync(hosts, name));
        Assert.True(fragment.ContainsKey("code"), string.Join(", ", fragment.Select(p => $"{p.Key}={p.Value}")));
        using var http = hosts.App.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/auth/external/exchange", new { code = fragment["code"] });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await AuthClient.BodyAsync(response);
    }

    private static Dictionary<string, string> Fragment(Uri url) => url.Fragment.TrimStart('#').Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(pair => pair.Split('=', 2))
        .ToDictionary(pair => pair[0], pair => Uri.UnescapeDataString(pair[1]), StringComparer.Ordinal);
}
