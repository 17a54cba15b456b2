namespace Aspire.Hosting.Dashboard.Telemetry;

/// <summary>One received structured log record, its message template already filled in from its attributes.</summary>
public sealed record LogEntry(
    DateTimeOffset Timestamp,
    string Service,
    int SeverityNumber,
    string Severity,
    string Message,
    IReadOnlyDictionary<string, string> Attributes,
    string? TraceId,
    string? SpanId,
    string? Scope)
{
    /// <summary>Arrival order, so records with equal timestamps still list newest first.</summary>
    public long Sequence { get; init; }
}
