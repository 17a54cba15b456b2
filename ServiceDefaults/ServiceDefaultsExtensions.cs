using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The cross-cutting defaults every WebRtcChat service starts with: telemetry, health,
/// service discovery, resilient HttpClients and the OpenAPI document.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    private const string LiveTag = "live";

    /// <summary>
    /// The resilience pipeline logs every attempt, one that succeeded at once included, at Information: a line per
    /// outgoing call, the telemetry exporter's own every few seconds. Retried and failed attempts are Warnings and stay.
    /// </summary>
    private const string ResilienceLogCategory = "Polly";

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();
        builder.AddNativeHeapTrimming();
        builder.Services.AddServiceDiscovery();
        builder.LogOnlyRetriedHttpAttempts();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddOpenApi();
        return builder;
    }

    private static void LogOnlyRetriedHttpAttempts(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration[$"Logging:LogLevel:{ResilienceLogCategory}"] is null)
        {
            builder.Logging.AddFilter(ResilienceLogCategory, LogLevel.Warning);
        }
    }

    /// <summary>
    /// Distinct tag combinations each metric keeps (OpenTelemetry's default is 2,000): every metric stream allocates
    /// its points up front, about 200 KB a stream at the default, and a service here has 80-90 streams.
    /// Our busiest metric (request duration by route, method and status) stays far below this; more combinations
    /// would be counted together under otel.metric.overflow, not lost.
    /// </summary>
    public const int MetricPointsPerStream = 400;

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MetricPointsPerStream })
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TelemetrySources.Names))
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName)
                .AddSource(TelemetrySources.Names)
                .AddAspNetCoreInstrumentation(aspnet =>
                    aspnet.Filter = context => !IsProbe(context.Request.Path))
                .AddHttpClientInstrumentation(http =>
                    http.FilterHttpRequestMessage = request => !IsProbe(request.RequestUri?.AbsolutePath)));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [LiveTag]);
        return builder;
    }

    /// <summary>Maps <c>/health</c> (ready: every registered check, stores included), <c>/alive</c> (process up) and the OpenAPI document.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath, new HealthCheckOptions { ResponseWriter = HealthResponseWriter.WriteAsync });
        app.MapHealthChecks(AlivePath, new HealthCheckOptions
        {
            Predicate = registration => registration.Tags.Contains(LiveTag),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        });
        app.MapOpenApi();
        return app;
    }

    private static bool IsProbe(string? path) =>
        path is not null && (path.StartsWith(HealthPath, StringComparison.OrdinalIgnoreCase)
                             || path.StartsWith(AlivePath, StringComparison.OrdinalIgnoreCase));
}
