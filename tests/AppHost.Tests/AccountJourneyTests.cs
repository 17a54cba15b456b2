using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.Testing;

namespace WebRtcChat.AppHost.Tests;

/// <summary>
/// An account's life through the gateway of the whole running application, with the mails read from the AppHost's
/// own mail catcher: sign up, confirm the email, sign in, rotate the refresh token, have a stolen one detected, sign
/// out, and reset a forgotten password.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccountJourneyTests(AppFixture fixture)
{
    private const string NewPassword = "brand-New-Secret-42";

    private HttpClient Gateway => fixture.App.Gateway;

    [Fact]
    public async Task Sign_up_confirm_sign_in_rotate_detect_reuse_and_sign_out_through_the_gateway()
    {
        var name = "a" + Guid.NewGuid().ToString("N")[..12];
        var email = $"{name}@example.com";
        var mail = new MailCatcher(await MailApiAsync());
        var registered = await PostAsync("/api/auth/register", new { username = name, email, password = TestUser.Password }, HttpStatusCode.Created);
        Assert.False(registered.GetProperty("user").GetProperty("emailConfirmed").GetBoolean());

        var (_, path, token) = Assert.Single(await mail.WaitForAsync(email, "Confirm your")).Link();
        Assert.Equal("confirm-email", path);
        using (var confirmed = await Gateway.PostAsJsonAsync("/api/auth/confirm-email", new { token }))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirmed.StatusCode);
        }

        var session = await PostAsync("/api/auth/login", new { login = email, password = TestUser.Password }, HttpStatusCode.OK);
        var me = await GetMeAsync(session.GetProperty("token").GetString()!);
        Assert.True(me.GetProperty("emailConfirmed").GetBoolean());
        Assert.Equal(name, me.GetProperty("username").GetString());

        var stolen = session.GetProperty("refreshToken").GetString()!;
        var rotated = await PostAsync("/api/auth/refresh", new { refreshToken = stolen }, HttpStatusCode.OK);
        Assert.NotEqual(stolen, rotated.GetProperty("refreshToken").GetString());

        // The thief replays the used token: refused, and the whole family with it, so the rotated token dies too.
        await PostAsync("/api/auth/refresh", new { refreshToken = stolen }, HttpStatusCode.Unauthorized);
        await PostAsync("/api/auth/refresh", new { refreshToken = rotated.GetProperty("refreshToken").GetString() }, HttpStatusCode.Unauthorized);

        var fresh = await PostAsync("/api/auth/login", new { login = name, password = TestUser.Password }, HttpStatusCode.OK);
        using (var logout = new HttpRequestMessage(HttpMethod.Post, "/api/auth/logout"))
        {
            logout.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh.GetProperty("token").GetString());
            using var response = await Gateway.SendAsync(logout);
            Assert.True(response.IsSuccessStatusCode, $"logout answered {response.StatusCode}");
        }

        await PostAsync("/api/auth/refresh", new { refreshToken = fresh.GetProperty("refreshToken").GetString() }, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_from_the_mailed_link_through_the_gateway()
    {
        var name = "f" + Guid.NewGuid().ToString("N")[..12];
        var email = $"{name}@example.com";
        var mail = new MailCatcher(await MailApiAsync());
        await PostAsync("/api/auth/register", new { username = name, email, password = TestUser.Password }, HttpStatusCode.Created);

        await PostAsync("/api/auth/forgot-password", new { email }, HttpStatusCode.Accepted);
        var (url, path, token) = Assert.Single(await mail.WaitForAsync(email, "Reset your")).Link();
        Assert.Equal("reset-password", path);
        Assert.Equal(fixture.GatewayUrl.Authority, url.Authority);
        using (var reset = await Gateway.PostAsJsonAsync("/api/auth/reset-password", new { token, password = NewPassword }))
        {
            Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        }

        await PostAsync("/api/auth/login", new { login = name, password = TestUser.Password }, HttpStatusCode.Unauthorized);
        await PostAsync("/api/auth/login", new { login = name, password = NewPassword }, HttpStatusCode.OK);
    }

    /// <summary>The mail catcher's REST API, as the AppHost's dashboard lists it.</summary>
    private async Task<Uri> MailApiAsync()
    {
        var resource = await fixture.App.GetResourceAsync("mail");
        var http = resource.GetProperty("urls").EnumerateArray().Single(u => u.GetProperty("name").GetString() == "http");
        return new Uri(http.GetProperty("url").GetString()!);
    }

    private async Task<JsonElement> PostAsync(string path, object body, HttpStatusCode expected)
    {
        using var response = await Gateway.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{path}: expected {expected}, got {response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> GetMeAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/me");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        using var response = await Gateway.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
