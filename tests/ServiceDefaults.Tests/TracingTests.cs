using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Trace;
using WebRtcChat.ServiceDefaults.Tests.Support;
using WebRtcChat.Testing;

namespace WebRtcChat.ServiceDefaults.Tests;

/// <summary>What an operator sees in traces: real work, not the background chatter of probes and outbox polling.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TracingTests(TestInfrastructure infra)
{
    [Fact]
    public async Task An_idle_service_emits_no_spans_for_outbox_polling_or_health_probes_but_traces_its_publishes_in_the_trace_that_raised_them()
    {
        var spans = new SpanCollector();
        var database = await infra.CreateDatabaseAsync("traced");
        await using var producer = await TestHost.StartAsync("traced-producer", new Dictionary<string, string?>
        {
            ["producerdb"] = database,
            ["eventbus"] = infra.EventBusConnectionString,
        }, builder =>
        {
            builder.AddNpgsqlDbContext<TestDbContext>("producerdb");
            builder.AddOutbox<TestDbContext>();
            builder.AddEventBus("eventbus");
            builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(spans));
        });
        await producer.WaitForHealthAsync();
        spans.Clear();

        for (var probe = 0; probe < 6; probe++)
        {
            await producer.HealthAsync();
            await Task.Delay(500);
        }

        // The tracer listens process-wide; the test harness's own readiness probes (other databases, HTTP) are not the service's.
        var databaseName = new NpgsqlConnectionStringBuilder(database).Database;
        Assert.Empty(spans.Spans.Where(s => IsOn(s, databaseName) || s.Source.Name == "Microsoft.AspNetCore").Select(Describe));

        // A sampled request in progress, as ASP.NET Core's instrumentation would have started it.
        using var request = new Activity("send message").SetIdFormat(ActivityIdFormat.W3C);
        request.ActivityTraceFlags = ActivityTraceFlags.Recorded;
        request.Start();
        await producer.WithDbAsync(async db =>
        {
            db.AddIntegrationEvent(new NoteAdded(Guid.CreateVersion7(), 1));
            return await db.SaveChangesAsync();
        });
        request.Stop();

        await Eventually.TrueAsync(
            () => Task.FromResult(spans.Spans.Any(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer)),
            TimeSpan.FromSeconds(10),
            "no MassTransit publish span was recorded for the outbox event");
        var publish = spans.Spans.First(s => s.Source.Name == "MassTransit" && s.Kind == ActivityKind.Producer);
        Assert.Equal(request.TraceId, publish.TraceId);
    }

    private static bool IsOn(Activity span, string? database) =>
        span.Source.Name == "Npgsql" && (Equals(span.GetTagItem("db.namespace"), database) || Equals(span.GetTagItem("db.name"), database));

    private static string Describe(Activity span) => $"{span.Source.Name}:{span.DisplayName}";
}
