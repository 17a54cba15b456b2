using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Xunit;

namespace WebRtcChat.Testing;

/// <summary>A registered account and the access token it calls with.</summary>
public sealed record TestUser(Guid Id, string Name, string AccessToken)
{
    public const string Password = "correct-Horse-7";

    /// <summary>Registers a fresh account through <paramref name="http"/> (Identity itself or the gateway) and returns it with its access token.</summary>
    public static async Task<TestUser> RegisterAsync(HttpClient http, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        name ??= "u" + Guid.NewGuid().ToString("N")[..12];
        using var response = await http.PostAsJsonAsync("/api/auth/register", new { username = name, email = $"{name}@example.com", password = Password });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return new TestUser(body.GetProperty("user").GetProperty("id").GetGuid(), name, body.GetProperty("token").GetString()!);
    }

    /// <summary>A request carrying the user's bearer token.</summary>
    public HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return request;
    }
}
