namespace Aspire.Hosting.Dashboard.Otlp;

/// <summary>
/// Reads only the metric names, per service, from an ExportMetricsServiceRequest { 1: repeated ResourceMetrics };
/// the dashboard lists what each service reports but does not chart it.
/// </summary>
internal static class OtlpMetricDecoder
{
    public static List<(string Service, List<string> Names)> Decode(ReadOnlySpan<byte> request)
    {
        var result = new List<(string, List<string>)>();
        var reader = new ProtoReader(request);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                result.Add(ReadResourceMetrics(reader.ReadBytes()));
            }
            else
            {
                reader.Skip(wireType);
            }
        }

        return result;
    }

    /// <summary>ResourceMetrics { 1: Resource, 2: repeated ScopeMetrics { 2: repeated Metric { 1: name } } }.</summary>
    private static (string Service, List<string> Names) ReadResourceMetrics(ReadOnlySpan<byte> resourceMetrics)
    {
        var service = OtlpCommon.UnknownService;
        var names = new List<string>();
        var reader = new ProtoReader(resourceMetrics);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == WireType.LengthDelimited:
                    service = OtlpCommon.ReadServiceName(reader.ReadBytes());
                    break;
                case 2 when wireType == WireType.LengthDelimited:
                    ReadScopeMetrics(reader.ReadBytes(), names);
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return (service, names);
    }

    private static void ReadScopeMetrics(ReadOnlySpan<byte> scopeMetrics, List<string> names)
    {
        var reader = new ProtoReader(scopeMetrics);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 2 && wireType == WireType.LengthDelimited)
            {
                var metric = new ProtoReader(reader.ReadBytes());
                while (metric.TryReadTag(out var metricField, out var metricWireType))
                {
                    if (metricField == 1 && metricWireType == WireType.LengthDelimited)
                    {
                        names.Add(metric.ReadString());
                    }
                    else
                    {
                        metric.Skip(metricWireType);
                    }
                }
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }
}
