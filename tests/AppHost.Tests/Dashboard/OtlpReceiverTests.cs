using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace WebRtcChat.AppHost.Tests.Dashboard;

/// <summary>Telemetry sent by the real OpenTelemetry .NET exporter (OTLP/HTTP protobuf) shows up in the dashboard's API.</summary>
public sealed class OtlpReceiverTests
{
    [Fact]
    public async Task Spans_and_logs_from_the_OpenTelemetry_exporter_show_as_one_trace_with_its_logs()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        Assert.NotEqual(0, dashboard.Options.OtlpHttpUrl.Port);
        using var source = new ActivitySource("Checkout.Tests." + Guid.NewGuid().ToString("N"));
        var resource = ResourceBuilder.CreateEmpty().AddService("checkout");
        string traceId, parentId, childId;

        using (var tracing = Sdk.CreateTracerProviderBuilder()
            .SetResourceBuilder(resource)
            .AddSource(source.Name)
            .AddOtlpExporter(otlp => Export(otlp, new Uri(dashboard.Options.OtlpHttpUrl, "v1/traces")))
            .Build())
        using (var logging = LoggerFactory.Create(builder => builder.AddOpenTelemetry(otel =>
            {
                otel.SetResourceBuilder(resource);
                otel.AddOtlpExporter(otlp => Export(otlp, new Uri(dashboard.Options.OtlpHttpUrl, "v1/logs")));
            })))
        {
            var logger = logging.CreateLogger("Checkout.Orders");
            using (var parent = source.StartActivity("POST /orders", ActivityKind.Server)!)
            {
                parent.SetTag("order.id", "o-42");
                using (var child = source.StartActivity("charge card", ActivityKind.Client)!)
                {
                    child.SetTag("payment.provider", "acme");
                    child.SetStatus(ActivityStatusCode.Error, "card declined");
                    childId = child.SpanId.ToHexString();
                    logger.LogWarning("Payment for order {OrderId} declined", "o-42");
                }

                traceId = parent.TraceId.ToHexString();
                parentId = parent.SpanId.ToHexString();
            }

            Assert.True(tracing.ForceFlush(10_000), "the trace exporter did not flush");
        }

        var traces = await dashboard.GetJsonWhenAsync("/api/traces?service=checkout", json => json.GetArrayLength() > 0);
        var summary = Assert.Single(traces.EnumerateArray());
        Assert.Equal(traceId, summary.GetProperty("traceId").GetString());
        Assert.Equal("POST /orders", summary.GetProperty("rootName").GetString());
        Assert.Equal(2, summary.GetProperty("spanCount").GetInt32());
        Assert.Equal(["checkout"], summary.GetProperty("services").EnumerateArray().Select(s => s.GetString()));
        Assert.True(summary.GetProperty("hasError").GetBoolean());

        var trace = await dashboard.GetJsonAsync($"/api/traces/{traceId}");
        var spans = trace.GetProperty("spans").EnumerateArray().ToDictionary(s => s.GetProperty("spanId").GetString()!);
        Assert.Equal(2, spans.Count);
        var parentSpan = spans[parentId];
        var childSpan = spans[childId];
        Assert.Equal(JsonValueKind.Null, parentSpan.GetProperty("parentSpanId").ValueKind);
        Assert.Equal(parentId, childSpan.GetProperty("parentSpanId").GetString());
        Assert.Equal("checkout", childSpan.GetProperty("service").GetString());
        Assert.Equal("charge card", childSpan.GetProperty("name").GetString());
        Assert.Equal("Client", childSpan.GetProperty("kind").GetString());
        Assert.Equal("Server", parentSpan.GetProperty("kind").GetString());
        Assert.Equal("o-42", parentSpan.GetProperty("attributes").GetProperty("order.id").GetString());
        Assert.Equal("acme", childSpan.GetProperty("attributes").GetProperty("payment.provider").GetString());
        Assert.Equal("Error", childSpan.GetProperty("status").GetString());
        Assert.Equal("card declined", childSpan.GetProperty("statusMessage").GetString());
        Assert.True(parentSpan.GetProperty("durationMs").GetDouble() >= childSpan.GetProperty("durationMs").GetDouble());

        var logs = await dashboard.GetJsonWhenAsync($"/api/logs?traceId={traceId}", json => json.GetArrayLength() > 0);
        var log = Assert.Single(logs.EnumerateArray());
        Assert.Equal("Payment for order o-42 declined", log.GetProperty("message").GetString());
        Assert.Equal("checkout", log.GetProperty("service").GetString());
        Assert.Equal("Warning", log.GetProperty("severity").GetString());
        Assert.Equal(traceId, log.GetProperty("traceId").GetString());
        Assert.Equal(childId, log.GetProperty("spanId").GetString());
        Assert.Equal("o-42", log.GetProperty("attributes").GetProperty("OrderId").GetString());
    }

    [Fact]
    public async Task Gzip_compressed_metrics_are_accepted_with_an_empty_protobuf_answer()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Options.OtlpHttpUrl };
        using var content = new ByteArrayContent(Gzip(MetricsRequest("checkout", "orders.placed")));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
        content.Headers.ContentEncoding.Add("gzip");

        using var response = await client.PostAsync("/v1/metrics", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-protobuf", response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        var metrics = await dashboard.GetJsonAsync("/api/metrics");
        Assert.Equal(["orders.placed"], metrics.GetProperty("checkout").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task Json_encoded_otlp_is_refused_as_unsupported()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Options.OtlpHttpUrl };
        using var content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_truncated_payload_is_a_bad_request_not_a_crash()
    {
        await using var dashboard = await DashboardHarness.StartAsync();
        using var client = new HttpClient { BaseAddress = dashboard.Options.OtlpHttpUrl };
        using var content = new ByteArrayContent([0x0A, 0x20, 0x01]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");

        using var response = await client.PostAsync("/v1/traces", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static void Export(OtlpExporterOptions otlp, Uri endpoint)
    {
        otlp.Protocol = OtlpExportProtocol.HttpProtobuf;
        otlp.Endpoint = endpoint;
        otlp.ExportProcessorType = ExportProcessorType.Simple;
    }

    /// <summary>ExportMetricsServiceRequest{ResourceMetrics{Resource{service.name}, ScopeMetrics{Metric{name}}}}, encoded by hand.</summary>
    private static byte[] MetricsRequest(string service, string metric)
    {
        var attribute = Field(1, [.. Field(1, "service.name"u8.ToArray()), .. Field(2, Field(1, System.Text.Encoding.UTF8.GetBytes(service)))]);
        var resource = Field(1, attribute);
        var scopeMetrics = Field(2, Field(2, Field(1, System.Text.Encoding.UTF8.GetBytes(metric))));
        return Field(1, [.. resource, .. scopeMetrics]);
    }

    private static byte[] Field(int number, byte[] payload) => [(byte)((number << 3) | 2), (byte)payload.Length, .. payload];

    private static byte[] Gzip(byte[] data)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return buffer.ToArray();
    }
}
