using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebRtcChat.Identity.Tests;

/// <summary>A freshly registered user of the profile, contact and block endpoints, calling with its bearer token.</summary>
internal sealed class SocialClient(HttpClient http, Guid id, string name, string token)
{
    public Guid Id { get; } = id;

    public string Name { get; } = name;

    public string Token { get; } = token;

    public static async Task<SocialClient> RegisterAsync(HttpClient http, string? name = null)
    {
        name ??= AuthClient.NewName();
        using var response = await new AuthClient(http).RegisterAsync(name, $"{name}@example.com");
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var body = await AuthClient.BodyAsync(response);
        return new SocialClient(
            http, body.GetProperty("user").GetProperty("id").GetGuid(), name, body.GetProperty("token").GetString()!);
    }

    public Task<HttpResponseMessage> GetUserAsync(Guid userId) => SendAsync(HttpMethod.Get, $"/api/users/{userId}");

    public Task<HttpResponseMessage> UpdateProfileAsync(object profile) => SendAsync(HttpMethod.Put, "/api/users/profile", profile);

    public Task<HttpResponseMessage> UpdatePreferencesAsync(object preferences) => SendAsync(HttpMethod.Put, "/api/users/preferences", preferences);

    public Task<HttpResponseMessage> SetVisibilityAsync(string visibility) => UpdatePreferencesAsync(new { privacy = new { profileVisibility = visibility } });

    public Task<HttpResponseMessage> SearchAsync(string query, int? limit = null) =>
        SendAsync(HttpMethod.Get, $"/api/users/search?query={Uri.EscapeDataString(query)}" + (limit is { } l ? $"&limit={l}" : string.Empty));

    public Task<HttpResponseMessage> AddContactAsync(Guid userId) => SendAsync(HttpMethod.Post, $"/api/contacts/{userId}");

    public Task<HttpResponseMessage> RemoveContactAsync(Guid userId) => SendAsync(HttpMethod.Delete, $"/api/contacts/{userId}");

    public Task<HttpResponseMessage> ContactsAsync() => SendAsync(HttpMethod.Get, "/api/contacts");

    public Task<HttpResponseMessage> BlockAsync(Guid userId) => SendAsync(HttpMethod.Post, $"/api/block/{userId}");

    public Task<HttpResponseMessage> UnblockAsync(Guid userId) => SendAsync(HttpMethod.Delete, $"/api/block/{userId}");

    public Task<HttpResponseMessage> BlockedAsync() => SendAsync(HttpMethod.Get, "/api/block");

    /// <summary>Uploads one file as multipart/form-data, declaring <paramref name="contentType"/> for it.</summary>
    public async Task<HttpResponseMessage> UploadAvatarAsync(byte[] file, string contentType = "image/png", string fileName = "avatar.png")
    {
        using var form = new MultipartFormDataContent();
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(part, "file", fileName);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/avatar") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return await http.SendAsync(request);
    }

    public Task<HttpResponseMessage> DeleteAvatarAsync() => SendAsync(HttpMethod.Delete, "/api/users/avatar");

    /// <summary>The seed's <c>profile.avatar</c> of <paramref name="userId"/> as this user sees it (null when none).</summary>
    public async Task<string?> AvatarUrlAsync(Guid userId)
    {
        using var response = await GetUserAsync(userId);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var avatar = (await AuthClient.BodyAsync(response)).GetProperty("profile").GetProperty("avatar");
        return avatar.ValueKind == JsonValueKind.Null ? null : avatar.GetString();
    }

    /// <summary>GET an avatar URL as this user (with the bearer token).</summary>
    public Task<HttpResponseMessage> GetWithTokenAsync(string path) => SendAsync(HttpMethod.Get, path);

    /// <summary>The ids in a JSON array answer (contacts and blocks list <c>userId</c>, search lists <c>id</c>).</summary>
    public static async Task<List<Guid>> IdsAsync(HttpResponseMessage response, string property)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = await AuthClient.BodyAsync(response);
        return [.. body.EnumerateArray().Select(item => item.GetProperty(property).GetGuid())];
    }

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        return (await AuthClient.BodyAsync(response)).GetProperty("errors");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        return await http.SendAsync(request);
    }
}
