using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace WebRtcChat.Messaging.Tests;

/// <summary>A registered user calling the room and message endpoints with their token.</summary>
public sealed class ChatClient(HttpClient http, TestUser user)
{
    public Guid Id => user.Id;

    public TestUser User => user;

    public Task<HttpResponseMessage> CreateAsync(object request) => CallAsync(HttpMethod.Post, "/api/rooms", request);

    public Task<HttpResponseMessage> OpenDirectAsync(Guid other) => CreateAsync(new { type = "direct", memberIds = new[] { other } });

    public Task<HttpResponseMessage> CreateGroupAsync(string name, params Guid[] members) =>
        CreateAsync(new { type = "group", name, memberIds = members });

    public Task<HttpResponseMessage> ListAsync() => CallAsync(HttpMethod.Get, "/api/rooms");

    public Task<HttpResponseMessage> GetAsync(Guid roomId) => CallAsync(HttpMethod.Get, $"/api/rooms/{roomId}");

    public Task<HttpResponseMessage> UpdateAsync(Guid roomId, object changes) => CallAsync(HttpMethod.Patch, $"/api/rooms/{roomId}", changes);

    public Task<HttpResponseMessage> AddMemberAsync(Guid roomId, Guid userId) => CallAsync(HttpMethod.Post, $"/api/rooms/{roomId}/members/{userId}");

    public Task<HttpResponseMessage> RemoveMemberAsync(Guid roomId, Guid userId) => CallAsync(HttpMethod.Delete, $"/api/rooms/{roomId}/members/{userId}");

    public Task<HttpResponseMessage> SetRoleAsync(Guid roomId, Guid userId, string role) =>
        CallAsync(HttpMethod.Patch, $"/api/rooms/{roomId}/members/{userId}", new { role });

    public Task<HttpResponseMessage> SendAsync(Guid roomId, string content, string? clientMessageId = null, Guid? replyTo = null) =>
        CallAsync(HttpMethod.Post, "/api/messages/send", new { roomId, content, clientMessageId, replyTo });

    public Task<HttpResponseMessage> HistoryAsync(Guid roomId, string query = "") => CallAsync(HttpMethod.Get, $"/api/messages/room/{roomId}{query}");

    public Task<HttpResponseMessage> EditAsync(Guid messageId, string content) => CallAsync(HttpMethod.Put, $"/api/messages/{messageId}", new { content });

    public Task<HttpResponseMessage> DeleteAsync(Guid messageId) => CallAsync(HttpMethod.Delete, $"/api/messages/{messageId}");

    public Task<HttpResponseMessage> ReactAsync(Guid messageId, string emoji) =>
        CallAsync(HttpMethod.Post, $"/api/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}");

    public Task<HttpResponseMessage> UnreactAsync(Guid messageId, string emoji) =>
        CallAsync(HttpMethod.Delete, $"/api/messages/{messageId}/reactions/{Uri.EscapeDataString(emoji)}");

    public Task<HttpResponseMessage> ThreadAsync(Guid messageId) => CallAsync(HttpMethod.Get, $"/api/messages/{messageId}/thread");

    public Task<HttpResponseMessage> ReadByAsync(Guid messageId) => CallAsync(HttpMethod.Get, $"/api/messages/{messageId}/read-by");

    public Task<HttpResponseMessage> MarkReadAsync(Guid roomId, Guid upToMessageId) =>
        CallAsync(HttpMethod.Post, $"/api/rooms/{roomId}/read", new { upToMessageId });

    public Task<HttpResponseMessage> MarkDeliveredAsync(Guid roomId, Guid upToMessageId) =>
        CallAsync(HttpMethod.Post, $"/api/rooms/{roomId}/delivered", new { upToMessageId });

    /// <summary>POST /api/messages/voice with the recording in the <c>audio</c> field.</summary>
    public Task<HttpResponseMessage> SendVoiceAsync(Guid roomId, byte[] audio, string fileName, string? clientMessageId = null) =>
        UploadAsync("/api/messages/voice", roomId, clientMessageId, null, ("audio", fileName, audio));

    /// <summary>POST /api/messages/attachments with each file in a <c>files</c> field.</summary>
    public Task<HttpResponseMessage> SendFilesAsync(Guid roomId, string? clientMessageId, string? content, params (string Name, byte[] Bytes)[] files) =>
        UploadAsync("/api/messages/attachments", roomId, clientMessageId, content, [.. files.Select(f => ("files", f.Name, f.Bytes))]);

    /// <summary>GET a download path (or any path) without following redirects.</summary>
    public Task<HttpResponseMessage> GetPathAsync(string path) => CallAsync(HttpMethod.Get, path);

    /// <summary>Follows a download path's redirect to the object store, without a token, and returns the response.</summary>
    public async Task<HttpResponseMessage> DownloadAsync(string path)
    {
        using var redirect = await GetPathAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        using var store = new HttpClient();
        return await store.GetAsync(redirect.Headers.Location);
    }

    /// <summary>Sends a message and returns its body (asserting the 201).</summary>
    public async Task<JsonElement> PostAsync(Guid roomId, string content, Guid? replyTo = null)
    {
        using var response = await SendAsync(roomId, content, replyTo: replyTo);
        return await BodyAsync(response, HttpStatusCode.Created);
    }

    /// <summary>A room's whole history, paging backwards with <c>before</c>; oldest first.</summary>
    public async Task<List<JsonElement>> AllMessagesAsync(Guid roomId, int pageSize = 100)
    {
        var all = new List<JsonElement>();
        var query = $"?limit={pageSize}";
        while (true)
        {
            using var response = await HistoryAsync(roomId, query);
            var page = await BodyAsync(response, HttpStatusCode.OK);
            var messages = page.GetProperty("messages").EnumerateArray().ToList();
            all.InsertRange(0, messages);
            if (!page.GetProperty("hasMore").GetBoolean())
            {
                return all;
            }

            query = $"?limit={pageSize}&before={messages[0].GetProperty("id").GetGuid()}";
        }
    }

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

    /// <summary>Asserts a 400 ValidationProblem whose errors name <paramref name="field"/> with a message containing <paramref name="mentioning"/>.</summary>
    public static async Task AssertFieldErrorAsync(HttpResponseMessage response, string field, string mentioning)
    {
        var errors = (await BodyAsync(response, HttpStatusCode.BadRequest)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out var messages), $"No error for '{field}': {errors}");
        Assert.Contains(mentioning, messages[0].GetString(), StringComparison.Ordinal);
    }

    /// <summary>Each member's role by user id, from a room body.</summary>
    public static Dictionary<Guid, string> Roles(JsonElement room) =>
        room.GetProperty("members").EnumerateArray().ToDictionary(m => m.GetProperty("userId").GetGuid(), m => m.GetProperty("role").GetString()!);

    private async Task<HttpResponseMessage> UploadAsync(
        string path, Guid roomId, string? clientMessageId, string? content, params (string Field, string Name, byte[] Bytes)[] files)
    {
        using var form = new MultipartFormDataContent { { new StringContent(roomId.ToString()), "roomId" } };
        if (clientMessageId is not null)
        {
            form.Add(new StringContent(clientMessageId), "clientMessageId");
        }

        if (content is not null)
        {
            form.Add(new StringContent(content), "content");
        }

        foreach (var (field, name, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, field, name);
        }

        using var request = user.Request(HttpMethod.Post, path, form);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> CallAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = user.Request(method, path, body is null ? null : JsonContent.Create(body));
        return await http.SendAsync(request);
    }
}
