using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace WebRtcChat.ServiceDefaults.Tests.Support;

/// <summary>
/// A stand-in for the dashboard's OTLP/HTTP endpoint on a real port: it accepts every export and counts them by path.
/// <c>/flaky</c> answers 503 to every other request, for checking that ordinary clients still retry.
/// </summary>
public sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _received = new();
    private int _flakyCalls;

    private OtlpCollector(WebApplication app) => _app = app;

    public string Url => _app.Urls.First();

    public int Received(string path) => _received.GetValueOrDefault(path);

    public static async Task<OtlpCollector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var collector = new OtlpCollector(app);
        app.MapPost("/v1/{signal}", (HttpRequest request) =>
        {
            collector._received.AddOrUpdate(request.Path, 1, (_, count) => count + 1);
            return Results.Ok();
        });
        app.MapGet("/flaky", () => Interlocked.Increment(ref collector._flakyCalls) % 2 == 1
            ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
            : Results.Ok());
        await app.StartAsync();
        return collector;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
