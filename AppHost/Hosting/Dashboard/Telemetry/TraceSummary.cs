namespace Aspire.Hosting.Dashboard.Telemetry;

/// <summary>A trace as listed: its root span, its extent, and the services it crossed.</summary>
public sealed record TraceSummary(
    string TraceId,
    string RootName,
    string RootService,
    DateTimeOffset Start,
    double DurationMs,
    int SpanCount,
    IReadOnlyList<string> Services,
    bool HasError)
{
    public static TraceSummary Of(string traceId, IReadOnlyCollection<SpanRecord> spans)
    {
        var ids = spans.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        var root = spans
            .OrderBy(s => s.ParentSpanId is null || !ids.Contains(s.ParentSpanId) ? 0 : 1)
            .ThenBy(s => s.Start)
            .First();
        var start = spans.Min(s => s.Start);
        var end = spans.Max(s => s.End);
        return new TraceSummary(
            traceId,
            root.Name,
            root.Service,
            start,
            Math.Max(0, (end - start).TotalMilliseconds),
            spans.Count,
            [.. spans.Select(s => s.Service).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
            spans.Any(s => s.IsError));
    }
}
