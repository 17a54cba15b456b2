using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WebRtcChat.Bench.SfuLoad.Janus;

/// <summary>
/// One session of Janus's HTTP API (REST + long poll): requests are POSTed with a transaction id; a plugin's
/// asynchronous answer ("ack" first, the "event" later) arrives on the long-poll GET of the session, which this keeps
/// running (it also keeps the session alive) and routes to the waiting request by transaction.
/// </summary>
public sealed class JanusSession : IAsyncDisposable
{
    private readonly HttpClient http;
    private readonly Uri sessionUri;
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> waiting = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task polling;

    private JanusSession(HttpClient http, Uri sessionUri)
    {
        this.http = http;
        this.sessionUri = sessionUri;
        polling = Task.Run(PollAsync);
    }

    public static async Task<JanusSession> CreateAsync(Uri api)
    {
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var created = await PostAsync(http, api, new JsonObject { ["janus"] = "create" });
        return new JanusSession(http, new Uri(api, created.GetProperty("data").GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture) + "/"));
    }

    /// <summary>Attaches a new handle to <paramref name="plugin"/>; returns its id.</summary>
    public async Task<long> AttachAsync(string plugin) =>
        (await PostAsync(http, sessionUri, new JsonObject { ["janus"] = "attach", ["plugin"] = plugin })).GetProperty("data").GetProperty("id").GetInt64();

    /// <summary>A plugin request answered at once ("success"); returns the plugin's data.</summary>
    public async Task<JsonElement> RequestAsync(long handle, JsonObject body)
    {
        var reply = await PostAsync(http, HandleUri(handle), new JsonObject { ["janus"] = "message", ["body"] = body });
        return PluginData(reply);
    }

    /// <summary>A plugin request answered later by an event (joins, publishes, starts); returns the whole event (plugin data and jsep).</summary>
    public async Task<JsonElement> MessageAsync(long handle, JsonObject body, JsonObject? jsep = null)
    {
        var transaction = Guid.NewGuid().ToString("N");
        var answered = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[transaction] = answered;
        var message = new JsonObject { ["janus"] = "message", ["body"] = body, ["transaction"] = transaction };
        if (jsep is not null)
        {
            message["jsep"] = jsep;
        }

        await PostAsync(http, HandleUri(handle), message);
        var reply = await answered.Task.WaitAsync(TimeSpan.FromSeconds(20));
        PluginData(reply);
        return reply;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await PostAsync(http, sessionUri, new JsonObject { ["janus"] = "destroy" });
        }
        catch (InvalidOperationException)
        {
            // Janus may already have ended the session.
        }

        await polling.ContinueWith(_ => { }, TaskScheduler.Default);
        http.Dispose();
        stop.Dispose();
    }

    private Uri HandleUri(long handle) => new(sessionUri, handle.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The plugin's data of a reply; throws with Janus's message when the plugin reports an error.</summary>
    private static JsonElement PluginData(JsonElement reply)
    {
        var data = reply.GetProperty("plugindata").GetProperty("data");
        return data.TryGetProperty("error", out var error)
            ? throw new InvalidOperationException($"Janus VideoRoom: {error.GetString()}")
            : data;
    }

    private static async Task<JsonElement> PostAsync(HttpClient http, Uri uri, JsonObject request)
    {
        request["transaction"] ??= Guid.NewGuid().ToString("N");
        using var response = await http.PostAsJsonAsync(uri, request);
        var reply = await response.Content.ReadFromJsonAsync<JsonElement>();
        return reply.GetProperty("janus").GetString() is "error"
            ? throw new InvalidOperationException($"Janus: {reply.GetProperty("error").GetProperty("reason").GetString()}")
            : reply;
    }

    /// <summary>The long poll: each GET returns up to 16 events, or a keepalive after 30 s with none.</summary>
    private async Task PollAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            JsonElement events;
            try
            {
                using var response = await http.GetAsync(new Uri(sessionUri.AbsoluteUri.TrimEnd('/') + "?maxev=16"), stop.Token);
                events = await response.Content.ReadFromJsonAsync<JsonElement>(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or HttpRequestException or JsonException)
            {
                if (stop.IsCancellationRequested)
                {
                    return;
                }

                await Task.Delay(100);
                continue;
            }

            foreach (var janusEvent in events.ValueKind == JsonValueKind.Array ? events.EnumerateArray().ToList() : [events])
            {
                if (janusEvent.GetProperty("janus").GetString() == "event"
                    && janusEvent.TryGetProperty("transaction", out var transaction)
                    && waiting.TryRemove(transaction.GetString()!, out var answered))
                {
                    answered.TrySetResult(janusEvent.Clone());
                }
            }
        }
    }
}
