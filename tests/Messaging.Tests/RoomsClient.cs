using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebRtcChat.Messaging.Tests;

/// <summary>A registered user calling the room endpoints with their token.</summary>
public sealed class RoomsClient(HttpClient http, TestUser user)
{
    public Guid Id => user.Id;

    public TestUser User => user;

    public Task<HttpResponseMessage> CreateAsync(object request) => SendAsync(HttpMethod.Post, "/api/rooms", request);

    public Task<HttpResponseMessage> OpenDirectAsync(Guid other) => CreateAsync(new { type = "direct", memberIds = new[] { other } });

    public Task<HttpResponseMessage> CreateGroupAsync(string name, params Guid[] members) =>
        CreateAsync(new { type = "group", name, memberIds = members });

    public Task<HttpResponseMessage> ListAsync() => SendAsync(HttpMethod.Get, "/api/rooms");

    public Task<HttpResponseMessage> GetAsync(Guid roomId) => SendAsync(HttpMethod.Get, $"/api/rooms/{roomId}");

    public Task<HttpResponseMessage> UpdateAsync(Guid roomId, object changes) => SendAsync(HttpMethod.Patch, $"/api/rooms/{roomId}", changes);

    public Task<HttpResponseMessage> AddMemberAsync(Guid roomId, Guid userId) => SendAsync(HttpMethod.Post, $"/api/rooms/{roomId}/members/{userId}");

    public Task<HttpResponseMessage> RemoveMemberAsync(Guid roomId, Guid userId) => SendAsync(HttpMethod.Delete, $"/api/rooms/{roomId}/members/{userId}");

    public Task<HttpResponseMessage> SetRoleAsync(Guid roomId, Guid userId, string role) =>
        SendAsync(HttpMethod.Patch, $"/api/rooms/{roomId}/members/{userId}", new { role });

    /// <summary>Creates a group and returns its id (asserting the 201).</summary>
    public async Task<Guid> NewGroupAsync(string name, params Guid[] members)
    {
        using var response = await CreateGroupAsync(name, members);
        return (await BodyAsync(response, HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    /// <summary>Asserts the status and returns the JSON body.</summary>
    public static async Task<JsonElement> BodyAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {expected}, got {response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Each member's role by user id, from a room body.</summary>
    public static Dictionary<Guid, string> Roles(JsonElement room) =>
        room.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetGuid(), m => m.GetProperty("role").GetString()!);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = user.Request(method, path, body is null ? null : JsonContent.Create(body));
        return await http.SendAsync(request);
    }
}
