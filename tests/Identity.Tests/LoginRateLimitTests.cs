using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// The login rate limits inside Identity, over real connections: Identity listens on a loopback port (a trusted
/// proxy, as the gateway is) and each request names its client in <c>X-Forwarded-For</c>, as the gateway does.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class LoginRateLimitTests(IdentityFixture fixture) : IAsyncLifetime
{
    private const int PerAccount = 3;
    private const int PerIp = 5;
    private ServiceFactory<IdentityApp>? host;
    private HttpClient? http;

    private HttpClient Http => http ?? throw new InvalidOperationException("Not started.");

    public Task InitializeAsync()
    {
        var settings = new Dictionary<string, string>(fixture.Settings, StringComparer.Ordinal)
        {
            ["Auth:LoginRateLimit:PerAccount:PermitLimit"] = $"{PerAccount}",
            ["Auth:LoginRateLimit:PerAccount:Window"] = "00:10:00",
            ["Auth:LoginRateLimit:PerIp:PermitLimit"] = $"{PerIp}",
            ["Auth:LoginRateLimit:PerIp:Window"] = "00:10:00",
        };
        host = new ServiceFactory<IdentityApp>(settings);
        http = new HttpClient { BaseAddress = host.ListenOnFreePort() };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        http?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    [Fact]
    public async Task An_account_gets_a_limited_number_of_attempts_from_any_address_right_or_wrong()
    {
        var (name, _) = await new AuthClient(Http).RegisterNewAsync();

        // Right passwords count too (this is not lockout), each from another address (not the per-address limit).
        for (var attempt = 0; attempt < PerAccount; attempt++)
        {
            using var allowed = await LoginAsync(name, AuthClient.GoodPassword, NewAddress());
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var limited = await LoginAsync(name, AuthClient.GoodPassword, NewAddress());
        await AssertLimitedAsync(limited);

        // The token endpoint shares the count, and the login is matched whatever its letter case.
        using var grant = await Post("/connect/token", NewAddress(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "webrtcchat-web",
            ["username"] = name.ToUpperInvariant(),
            ["password"] = AuthClient.GoodPassword,
        }));
        await AssertLimitedAsync(grant);

        var (other, _) = await new AuthClient(Http).RegisterNewAsync();
        using var otherAccount = await LoginAsync(other, AuthClient.GoodPassword, NewAddress());
        Assert.Equal(HttpStatusCode.OK, otherAccount.StatusCode);
    }

    [Fact]
    public async Task An_address_gets_a_limited_number_of_attempts_across_accounts()
    {
        var address = NewAddress();
        for (var attempt = 0; attempt < PerIp; attempt++)
        {
            using var allowed = await LoginAsync(AuthClient.NewName(), "wrong-Password-1", address);
            Assert.Equal(HttpStatusCode.Unauthorized, allowed.StatusCode);
        }

        using var limited = await LoginAsync(AuthClient.NewName(), "wrong-Password-1", address);
        await AssertLimitedAsync(limited);

        using var elsewhere = await LoginAsync(AuthClient.NewName(), "wrong-Password-1", NewAddress());
        Assert.Equal(HttpStatusCode.Unauthorized, elsewhere.StatusCode);
    }

    [Fact]
    public async Task The_login_page_of_the_authorize_flow_counts_and_refuses_like_the_api()
    {
        var (name, _) = await new AuthClient(Http).RegisterNewAsync();
        for (var attempt = 0; attempt < PerAccount; attempt++)
        {
            using var counted = await LoginAsync(name, "wrong-Password-1", NewAddress());
            Assert.Equal(HttpStatusCode.Unauthorized, counted.StatusCode);
        }

        var address = NewAddress();
        using var page = await Http.GetAsync("/account/login?returnUrl=%2F");
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"").Groups["token"].Value;
        Assert.NotEmpty(token);
        using var posted = await Post("/account/login", address, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["returnUrl"] = "/",
            ["login"] = name,
            ["password"] = AuthClient.GoodPassword,
        }));

        Assert.Equal(HttpStatusCode.TooManyRequests, posted.StatusCode);
        Assert.NotNull(posted.Headers.RetryAfter?.Delta);
        Assert.Contains("Too many sign-in attempts", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(posted.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith(".WebRtcChat.Login", StringComparison.Ordinal)));
    }

    private static async Task AssertLimitedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        var problem = await AuthClient.BodyAsync(response);
        Assert.EndsWith("/too-many-login-attempts", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
    }

    private Task<HttpResponseMessage> LoginAsync(string login, string password, string address) =>
        Post("/api/auth/login", address, JsonContent.Create(new { login, password }));

    private async Task<HttpResponseMessage> Post(string path, string address, HttpContent content)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Add("X-Forwarded-For", address);
        return await Http.SendAsync(request);
    }

    /// <summary>A fresh address from 198.18.0.0/15 (reserved for benchmarking), so runs and tests never share a count.</summary>
    private static string NewAddress()
    {
        var bytes = Guid.NewGuid().ToByteArray();
        return $"198.{18 + (bytes[0] & 1)}.{bytes[1]}.{bytes[2]}";
    }
}
