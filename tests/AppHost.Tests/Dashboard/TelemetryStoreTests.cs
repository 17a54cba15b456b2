using Aspire.Hosting.Dashboard.Telemetry;

namespace WebRtcChat.AppHost.Tests.Dashboard;

public sealed class TelemetryStoreTests
{
    private static readonly DateTimeOffset T0 = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_oldest_spans_drop_out_and_their_traces_with_them()
    {
        var store = new TelemetryStore(maxSpans: 3);
        store.AddSpans([Span("t1", "a", start: 0), Span("t1", "b", start: 1, parent: "a")]);
        store.AddSpans([Span("t2", "c", start: 2), Span("t3", "d", start: 3)]);

        Assert.Equal(["b"], store.GetTrace("t1")!.Select(s => s.SpanId));
        store.AddSpans([Span("t4", "e", start: 4)]);
        Assert.Null(store.GetTrace("t1"));
        Assert.Equal(["t4", "t3", "t2"], store.GetTraces().Select(t => t.TraceId));
    }

    [Fact]
    public void A_trace_summary_names_its_root_its_services_and_its_errors()
    {
        var store = new TelemetryStore();
        store.AddSpans(
        [
            Span("t1", "child", start: 10, end: 30, parent: "root", service: "identity", status: SpanStatus.Error),
            Span("t1", "root", start: 0, end: 50, service: "gateway"),
        ]);

        var summary = Assert.Single(store.GetTraces());

        Assert.Equal("GET root", summary.RootName);
        Assert.Equal(["gateway", "identity"], summary.Services);
        Assert.Equal(2, summary.SpanCount);
        Assert.Equal(50, summary.DurationMs);
        Assert.True(summary.HasError);
        Assert.Single(store.GetTraces(service: "identity"));
        Assert.Empty(store.GetTraces(service: "search"));
    }

    private static SpanRecord Span(string trace, string id, int start, int? end = null, string? parent = null,
        string service = "svc", string status = SpanStatus.Unset) =>
        new(trace, id, parent, "GET " + id, "Server", service, null, T0.AddMilliseconds(start), T0.AddMilliseconds(end ?? start + 1),
            new Dictionary<string, string>(), status, null);
}
