using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Hubs;

namespace WebRtcChat.Presence.Tests;

/// <summary>One device of a user: a WebSocket connection to a Presence instance's chat hub that records what it is told.</summary>
public sealed class HubClient : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);
    private readonly ConcurrentDictionary<string, Channel<JsonElement>> received = new(StringComparer.Ordinal);

    private HubClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    /// <summary>Connects <paramref name="user"/> to the hub at <paramref name="instance"/> over WebSockets (JSON protocol).</summary>
    public static async Task<HubClient> ConnectAsync(Uri instance, TestUser user)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(instance, ChatHub.Path), HttpTransportType.WebSockets, options => options.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken))
            .Build();
        var client = new HubClient(connection);
        foreach (var method in typeof(ChatEventNames).GetFields().Concat(typeof(CallEventNames).GetFields()).Select(f => (string)f.GetValue(null)!))
        {
            connection.On<JsonElement>(method, payload => client.Channel(method).Writer.TryWrite(payload));
        }

        await connection.StartAsync();
        return client;
    }

    /// <summary>The next <paramref name="method"/> push this device receives (fails after 10 s).</summary>
    public async Task<JsonElement> NextAsync(string method)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            return await Channel(method).Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"No '{method}' push within {Patience.TotalSeconds} s.");
        }
    }

    /// <summary>Everything of <paramref name="method"/> received so far and not yet read.</summary>
    public List<JsonElement> Pending(string method)
    {
        var pending = new List<JsonElement>();
        while (Channel(method).Reader.TryRead(out var payload))
        {
            pending.Add(payload);
        }

        return pending;
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();

    private Channel<JsonElement> Channel(string method) => received.GetOrAdd(method, _ => System.Threading.Channels.Channel.CreateUnbounded<JsonElement>());
}
