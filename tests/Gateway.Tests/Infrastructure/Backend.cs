using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebRtcChat.Gateway.Tests.Infrastructure;

/// <summary>
/// A stand-in for one downstream service: a real Kestrel server on 127.0.0.1 that echoes every request as
/// <see cref="Echo"/> JSON, echoes WebSocket messages (after a <c>welcome:{service}</c> greeting), stalls on
/// paths ending in <c>/slow</c>, and answers <c>/health</c> according to <see cref="Healthy"/>. As an SFU node it says
/// which node hosts the calls in <see cref="CallNodes"/> (<c>GET /api/calls/{id}/node</c>, 404 for any other call).
/// </summary>
public sealed class Backend : IAsyncDisposable
{
    public const string SlowSuffix = "/slow";

    private readonly WebApplication _app;
    private volatile bool _healthy = true;
    private int _nodeLookups;

    private Backend(string service, WebApplication app)
    {
        Service = service;
        _app = app;
    }

    public string Service { get; }

    public bool Healthy
    {
        get => _healthy;
        set => _healthy = value;
    }

    /// <summary>The HTTP address of the node hosting each call this stand-in knows.</summary>
    public ConcurrentDictionary<Guid, Uri> CallNodes { get; } = new();

    /// <summary>How often it was asked which node hosts a call.</summary>
    public int NodeLookups => Volatile.Read(ref _nodeLookups);

    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<Backend> StartAsync(string service)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var backend = new Backend(service, app);

        app.UseWebSockets();
        app.Map("/health", () => backend.Healthy ? Results.Text("Healthy") : Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/api/calls/{callId:guid}/node", (Guid callId) => backend.LocateCall(callId));
        app.Map("/{**path}", backend.HandleAsync);
        await app.StartAsync();
        return backend;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private IResult LocateCall(Guid callId)
    {
        Interlocked.Increment(ref _nodeLookups);
        return CallNodes.TryGetValue(callId, out var node)
            ? Results.Json(new { callId, node = node.Authority, live = true, httpAddress = node.AbsoluteUri, mediaAddress = "127.0.0.1:40000" })
            : Results.NotFound();
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (context.WebSockets.IsWebSocketRequest)
        {
            await EchoWebSocketAsync(context);
            return;
        }

        if (context.Request.Path.Value!.EndsWith(SlowSuffix, StringComparison.Ordinal))
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(10), context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        var buffer = new byte[81920];
        long bodyLength = 0;
        int read;
        while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
        {
            bodyLength += read;
        }

        var headers = context.Request.Headers.ToDictionary(header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        await context.Response.WriteAsJsonAsync(new Echo(Service, context.Request.Method, context.Request.Path.Value!,
            context.Request.QueryString.Value ?? string.Empty, headers, bodyLength));
    }

    private async Task EchoWebSocketAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        await socket.SendAsync(Encoding.UTF8.GetBytes($"welcome:{Service}"), WebSocketMessageType.Text, true, context.RequestAborted);

        var buffer = new byte[4096];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                return;
            }

            await socket.SendAsync(buffer.AsMemory(0, received.Count), received.MessageType, received.EndOfMessage, context.RequestAborted);
        }
    }
}
