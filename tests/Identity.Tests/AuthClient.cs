using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebRtcChat.Identity.Tests;

/// <summary>Calls the seed's /api/auth endpoints the way a client would.</summary>
internal sealed class AuthClient(HttpClient http)
{
    public const string GoodPassword = "correct-Horse-7";

    public static string NewName() => "u" + Guid.NewGuid().ToString("N")[..12];

    public Task<HttpResponseMessage> RegisterAsync(string username, string email, string password = GoodPassword) =>
        http.PostAsJsonAsync("/api/auth/register", new { username, email, password });

    public Task<HttpResponseMessage> LoginAsync(string login, string password = GoodPassword) =>
        http.PostAsJsonAsync("/api/auth/login", new { login, password });

    /// <summary>The OAuth password grant straight at the token endpoint, as the first-party client.</summary>
    public Task<HttpResponseMessage> PasswordGrantAsync(string username, string password = GoodPassword) =>
        http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "webrtcchat-web",
            ["username"] = username,
            ["password"] = password,
            ["scope"] = "openid offline_access profile",
        }));

    public Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });

    public Task<HttpResponseMessage> MeAsync(string accessToken) => SendAsync(HttpMethod.Get, "/api/auth/me", accessToken);

    public Task<HttpResponseMessage> LogoutAsync(string accessToken) => SendAsync(HttpMethod.Post, "/api/auth/logout", accessToken);

    public Task<HttpResponseMessage> ForgotPasswordAsync(string email) =>
        http.PostAsJsonAsync("/api/auth/forgot-password", new { email });

    public Task<HttpResponseMessage> ResetPasswordAsync(string token, string password) =>
        http.PostAsJsonAsync("/api/auth/reset-password", new { token, password });

    public Task<HttpResponseMessage> ConfirmEmailAsync(string token) =>
        http.PostAsJsonAsync("/api/auth/confirm-email", new { token });

    public Task<HttpResponseMessage> ChangePasswordAsync(string accessToken, string currentPassword, string newPassword) =>
        SendAsync(HttpMethod.Post, "/api/auth/change-password", accessToken, new { currentPassword, newPassword });

    public Task<HttpResponseMessage> DeleteAccountAsync(string accessToken, string? password) =>
        SendAsync(HttpMethod.Delete, "/api/auth/account", accessToken, new { password });

    /// <summary>Registers a fresh user and returns its name and the body of the 201.</summary>
    public async Task<(string Name, JsonElement Body)> RegisterNewAsync()
    {
        var name = NewName();
        using var response = await RegisterAsync(name, $"{name}@example.com");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (name, await BodyAsync(response));
    }

    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string accessToken, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }
}
