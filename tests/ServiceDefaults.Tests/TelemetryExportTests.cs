using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using WebRtcChat.ServiceDefaults.Tests.Support;

namespace WebRtcChat.ServiceDefaults.Tests;

/// <summary>
/// What an operator reads in a service's log: its own work and the calls that had to be retried, not a line for every
/// outgoing request that succeeded (the telemetry export alone made one every few seconds).
/// </summary>
public sealed class TelemetryExportTests
{
    private const string ResilienceCategory = "Polly";

    [Fact]
    public async Task Telemetry_exports_and_calls_that_succeed_write_no_log_line_while_a_retried_call_is_logged_as_a_warning()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var service = await StartWithRecordedLogAsync(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
        });
        service.App.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Chat").LogInformation("a message was sent");

        await Eventually.TrueAsync(
            () => Task.FromResult(collector.Received("/v1/metrics") >= 5 && collector.Received("/v1/logs") >= 1),
            TimeSpan.FromSeconds(15),
            "the service's metrics and logs never reached the collector");
        var retried = await service.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient("ordinary").GetAsync($"{collector.Url}/flaky");

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        var resilienceLog = service.App.Services.GetFakeLogCollector().GetSnapshot().Where(record => record.Category == ResilienceCategory).ToList();
        Assert.Empty(resilienceLog.Where(record => record.Level < LogLevel.Warning).Select(record => record.Message));
        Assert.Contains(resilienceLog, record => record.Level == LogLevel.Warning && record.Message.Contains("503", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_operator_who_sets_the_resilience_log_level_to_information_sees_every_attempt()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var service = await StartWithRecordedLogAsync(
            new Dictionary<string, string?> { [$"Logging:LogLevel:{ResilienceCategory}"] = "Information" });

        await service.App.Services.GetRequiredService<IHttpClientFactory>().CreateClient("ordinary").GetAsync($"{collector.Url}/flaky");

        Assert.Contains(service.App.Services.GetFakeLogCollector().GetSnapshot(),
            record => record.Category == ResilienceCategory && record.Level == LogLevel.Information);
    }

    private static Task<TestHost> StartWithRecordedLogAsync(IDictionary<string, string?> settings) =>
        TestHost.StartAsync("logging", new Dictionary<string, string?>(), builder =>
        {
            builder.Logging.SetMinimumLevel(LogLevel.Information);
            builder.Logging.AddFakeLogging();
        }, settings);
}
