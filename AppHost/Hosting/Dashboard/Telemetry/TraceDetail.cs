namespace Aspire.Hosting.Dashboard.Telemetry;

/// <summary>One trace with all its spans, in start order.</summary>
public sealed record TraceDetail(
    string TraceId,
    string RootName,
    DateTimeOffset Start,
    double DurationMs,
    IReadOnlyList<string> Services,
    bool HasError,
    IReadOnlyList<SpanRecord> Spans)
{
    public static TraceDetail Of(string traceId, IReadOnlyList<SpanRecord> spans)
    {
        var summary = TraceSummary.Of(traceId, spans);
        return new TraceDetail(traceId, summary.RootName, summary.Start, summary.DurationMs, summary.Services, summary.HasError, spans);
    }
}
