using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench;

/// <summary>The client calls the benchmark makes to Messaging (direct or through the gateway), each with the user's bearer token.</summary>
public static class ChatCalls
{
    public static HttpClient Client(Uri baseAddress) => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
    {
        BaseAddress = baseAddress,
        Timeout = TimeSpan.FromSeconds(120),
    };

    /// <summary>A group room owned by <paramref name="owner"/> with <paramref name="members"/>; its id.</summary>
    public static async Task<Guid> CreateGroupAsync(HttpClient http, TestUser owner, string name, IEnumerable<Guid> members)
    {
        using var request = owner.Request(HttpMethod.Post, "/api/rooms", JsonContent.Create(new { type = "group", name, memberIds = members }));
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new InvalidOperationException($"Creating room {name} answered {response.StatusCode}: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>Whether the message was persisted (201 Created).</summary>
    public static async Task<bool> SendAsync(HttpClient http, TestUser sender, Guid roomId, string content, string clientMessageId)
    {
        using var request = sender.Request(HttpMethod.Post, "/api/messages/send", JsonContent.Create(new { roomId, content, clientMessageId }));
        using var response = await http.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response.StatusCode == HttpStatusCode.Created;
    }

    /// <summary>The raw JSON of a history page (<paramref name="query"/> starts with <c>?</c>), or null unless 200.</summary>
    public static async Task<byte[]?> HistoryAsync(HttpClient http, TestUser reader, Guid roomId, string query)
    {
        using var request = reader.Request(HttpMethod.Get, $"/api/messages/room/{roomId}{query}");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.StatusCode == HttpStatusCode.OK ? body : null;
    }
}
