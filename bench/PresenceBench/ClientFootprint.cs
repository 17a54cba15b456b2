using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using WebRtcChat.Presence.Hubs;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// What a hub connection costs the client process: the managed heap (after a full collection) and RSS it grows by per
/// connection, for the .NET <see cref="HubConnection"/> and for the raw <see cref="HubSocket"/>, N idle connections each.
/// </summary>
internal static class ClientFootprint
{
    public static async Task<List<ClientCost>> MeasureAsync(Uri presence, TestUser[] users, int connections)
    {
        var hub = new Uri(presence, ChatHub.Path);
        var raw = await MeasureOneAsync("raw WebSocket + SignalR JSON handshake (`HubSocket`)", connections, async () =>
        {
            var pool = new HubSocketPool();
            await pool.AddAsync(connections, 16, i => (hub, users[i % users.Length].AccessToken, null));
            return pool.Count == connections ? pool : throw new InvalidOperationException($"Only {pool.Count} raw connections opened: {pool.FirstFailure}");
        });
        var full = await MeasureOneAsync("`HubConnection` (Microsoft.AspNetCore.SignalR.Client, WebSockets, no negotiation)", connections, async () =>
        {
            var opened = new List<HubConnection>();
            foreach (var chunk in Enumerable.Range(0, connections).Chunk(16))
            {
                opened.AddRange(await Task.WhenAll(chunk.Select(i => StartAsync(hub, users[i % users.Length]))));
            }

            return new Connections(opened);
        });
        return [raw, full];
    }

    private static async Task<HubConnection> StartAsync(Uri hub, TestUser user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private static async Task<ClientCost> MeasureOneAsync(string client, int connections, Func<Task<IAsyncDisposable>> open)
    {
        var (heapBefore, rssBefore) = Settle();
        var opened = await open();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var (heapAfter, rssAfter) = Settle();
        await opened.DisposeAsync();
        return new ClientCost(client, connections, (heapAfter - heapBefore) / 1024.0 / connections, (rssAfter - rssBefore) / 1024.0 / connections);
    }

    private static (long Heap, long Rss) Settle()
    {
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        return (heap, ProcessUsage.Of(Environment.ProcessId).RssBytes);
    }

    private sealed class Connections(List<HubConnection> connections) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }
}

internal sealed record ClientCost(string Client, int Connections, double HeapKbPerConnection, double RssKbPerConnection);
