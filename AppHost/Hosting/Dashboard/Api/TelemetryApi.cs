using System.Runtime.CompilerServices;
using Aspire.Hosting.Dashboard.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Aspire.Hosting.Dashboard.Api;

/// <summary>Received traces, structured logs and metric names, and a stream that says when they changed.</summary>
internal static class TelemetryApi
{
    private const int DefaultLimit = 200;
    private static readonly TimeSpan PingInterval = TimeSpan.FromMilliseconds(500);

    public static RouteGroupBuilder MapTelemetry(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api");
        group.MapGet("/traces", (TelemetryStore store, string? service, int? limit) =>
            TypedResults.Ok(store.GetTraces(Blank(service), Limit(limit))));
        group.MapGet("/traces/{traceId}", GetTrace);
        group.MapGet("/logs", (TelemetryStore store, string? service, string? traceId, int? limit) =>
            TypedResults.Ok(store.GetLogs(Blank(service), Blank(traceId)?.ToLowerInvariant(), Limit(limit))));
        group.MapGet("/metrics", (TelemetryStore store) => TypedResults.Ok(store.GetMetricNames()));
        group.MapGet("/telemetry/services", (TelemetryStore store) => TypedResults.Ok(store.GetServices()));
        group.MapGet("/telemetry/stream", (TelemetryStore store) =>
            new ServerSentEvents<TelemetryChanged>(cancellation => PingAsync(store, cancellation)));
        return group;
    }

    private static Results<Ok<TraceDetail>, ProblemHttpResult> GetTrace(string traceId, TelemetryStore store) =>
        store.GetTrace(traceId.ToLowerInvariant()) is { } spans
            ? TypedResults.Ok(TraceDetail.Of(traceId.ToLowerInvariant(), spans))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Unknown trace",
                detail: $"No trace '{traceId}' has been received, or it is older than the last {TelemetryStore.DefaultMaxSpans} spans.");

    /// <summary>At most one ping per interval, however fast telemetry arrives, so pages refresh at a calm pace.</summary>
    private static async IAsyncEnumerable<TelemetryChanged> PingAsync(
        TelemetryStore store, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var version in store.WatchAsync(cancellationToken))
        {
            yield return new TelemetryChanged(version);
            await Task.Delay(PingInterval, cancellationToken);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static int Limit(int? limit) => Math.Clamp(limit ?? DefaultLimit, 1, TelemetryStore.DefaultMaxLogs);

    private sealed record TelemetryChanged(long Version);
}
