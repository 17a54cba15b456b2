using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace WebRtcChat.Identity.Tests;

/// <summary>What the token tests do through a <see cref="ResourceServiceHost"/>: get a token from Identity, call Search with it.</summary>
internal static class ResourceCalls
{
    /// <summary>The access token of a freshly registered user.</summary>
    public static async Task<string> RegisterAsync(ResourceServiceHost host)
    {
        using var http = host.CreateIdentityClient();
        var (_, body) = await new AuthClient(http).RegisterNewAsync();
        return body.GetProperty("token").GetString()!;
    }

    public static async Task<HttpResponseMessage> WhoAmIAsync(ResourceServiceHost host, string? token)
    {
        using var http = host.CreateSearchClient();
        return await WhoAmIAsync(http, token);
    }

    /// <summary><c>GET /whoami</c> on a Search instance, with the token as bearer when given.</summary>
    public static async Task<HttpResponseMessage> WhoAmIAsync(HttpClient search, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/whoami");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await search.SendAsync(request);
    }

    /// <summary>The key ids Identity publishes in its JWKS.</summary>
    public static async Task<List<string>> PublishedKeyIdsAsync(HttpClient identity)
    {
        using var jwks = JsonDocument.Parse(await identity.GetStringAsync("/.well-known/jwks"));
        return [.. jwks.RootElement.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()!)];
    }

    /// <summary>401 with the bearer challenge naming <paramref name="reason"/> (no error at all when no token was sent).</summary>
    public static void AssertRefused(HttpResponseMessage response, string? reason)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        if (reason is null)
        {
            Assert.Null(challenge.Parameter);
        }
        else
        {
            Assert.Contains(reason, challenge.Parameter, StringComparison.Ordinal);
        }
    }

    /// <summary>Polls <paramref name="condition"/> until it holds; fails with <paramref name="what"/> after <paramref name="patience"/>.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var deadline = DateTimeOffset.UtcNow + (patience ?? TimeSpan.FromSeconds(15));
        while (!await condition())
        {
            Assert.True(DateTimeOffset.UtcNow < deadline, $"Timed out waiting until {what}.");
            await Task.Delay(250);
        }
    }
}
