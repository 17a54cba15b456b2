namespace Aspire.Hosting.Dashboard.Telemetry;

/// <summary>One received span. Ids are lowercase hex; <see cref="Status"/> is Unset, Ok or Error.</summary>
public sealed record SpanRecord(
    string TraceId,
    string SpanId,
    string? ParentSpanId,
    string Name,
    string Kind,
    string Service,
    string? Scope,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyDictionary<string, string> Attributes,
    string Status,
    string? StatusMessage)
{
    public double DurationMs => Math.Max(0, (End - Start).TotalMilliseconds);

    public bool IsError => Status == SpanStatus.Error;
}

public static class SpanStatus
{
    public const string Unset = "Unset";
    public const string Ok = "Ok";
    public const string Error = "Error";
}
