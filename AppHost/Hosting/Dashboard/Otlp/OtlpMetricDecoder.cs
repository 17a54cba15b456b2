namespace Aspire.Hosting.Dashboard.Otlp;

/// <summary>
/// Reads only the metric names, per service, from an ExportMetricsServiceRequest (ResourceMetrics, ScopeMetrics, Metric);
/// the dashboard lists what each service reports but does not chart it.
/// </summary>
internal static class OtlpMetricDecoder
{
    public static List<(string Service, List<string> Names)> Decode(ReadOnlySpan<byte> request) =>
    [
        .. OtlpEnvelope.Read(request, ReadMetricName)
            .GroupBy(item => item.Service, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Select(item => item.Value).ToList())),
    ];

    /// <summary>Metric { 1: name }.</summary>
    private static string? ReadMetricName(ReadOnlySpan<byte> metric)
    {
        string? name = null;
        OtlpEnvelope.ForEach(metric, 1, value => name = System.Text.Encoding.UTF8.GetString(value));
        return name;
    }
}
