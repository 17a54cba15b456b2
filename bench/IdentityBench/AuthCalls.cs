using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebRtcChat.Bench.Identity;

/// <summary>The client calls the benchmark makes: the seed's <c>/api/auth</c> endpoints and an authenticated resource request.</summary>
internal static class AuthCalls
{
    public const string Password = "correct-Horse-7";

    public static HttpClient Client(Uri baseAddress) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public static async Task<bool> RegisterAsync(HttpClient http, string username)
    {
        using var response = await http.PostAsJsonAsync("/api/auth/register", new { username, email = $"{username}@example.com", password = Password });
        return response.IsSuccessStatusCode;
    }

    /// <summary>The access and refresh token of a login or refresh, or null when it was refused.</summary>
    public static async Task<Tokens?> LoginAsync(HttpClient http, string login) =>
        await TokensAsync(await http.PostAsJsonAsync("/api/auth/login", new { login, password = Password }));

    public static async Task<Tokens?> RefreshAsync(HttpClient http, string refreshToken) =>
        await TokensAsync(await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken }));

    public static async Task<bool> GetAuthenticatedAsync(HttpClient http, string path, string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await http.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private static async Task<Tokens?> TokensAsync(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return new Tokens(body.RootElement.GetProperty("token").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
        }
    }
}

internal sealed record Tokens(string Access, string Refresh);
