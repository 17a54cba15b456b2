using Aspire.Hosting.Dashboard.Telemetry;

namespace Aspire.Hosting.Dashboard.Otlp;

/// <summary>Decodes an ExportTraceServiceRequest { 1: repeated ResourceSpans } into spans.</summary>
internal static class OtlpTraceDecoder
{
    private static readonly string[] Kinds = ["Unspecified", "Internal", "Server", "Client", "Producer", "Consumer"];

    public static List<SpanRecord> Decode(ReadOnlySpan<byte> request) =>
    [
        .. OtlpEnvelope.Read(request, ReadSpan).Select(item => item.Value with { Service = item.Service, Scope = item.Scope }),
    ];

    /// <summary>
    /// Span { 1: trace_id, 2: span_id, 4: parent_span_id, 5: name, 6: kind, 7: start_time_unix_nano,
    /// 8: end_time_unix_nano, 9: repeated KeyValue attributes, 15: Status }. A span without ids is dropped.
    /// </summary>
    private static SpanRecord? ReadSpan(ReadOnlySpan<byte> span)
    {
        string? traceId = null, spanId = null, parentSpanId = null;
        var name = string.Empty;
        var kind = 0L;
        ulong start = 0, end = 0;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var status = (Code: SpanStatus.Unset, Message: (string?)null);
        var reader = new ProtoReader(span);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == WireType.LengthDelimited:
                    traceId = OtlpCommon.ReadId(reader.ReadBytes());
                    break;
                case 2 when wireType == WireType.LengthDelimited:
                    spanId = OtlpCommon.ReadId(reader.ReadBytes());
                    break;
                case 4 when wireType == WireType.LengthDelimited:
                    parentSpanId = OtlpCommon.ReadId(reader.ReadBytes());
                    break;
                case 5 when wireType == WireType.LengthDelimited:
                    name = reader.ReadString();
                    break;
                case 6 when wireType == WireType.Varint:
                    kind = (long)reader.ReadVarint();
                    break;
                case 7 when wireType == WireType.Fixed64:
                    start = reader.ReadFixed64();
                    break;
                case 8 when wireType == WireType.Fixed64:
                    end = reader.ReadFixed64();
                    break;
                case 9 when wireType == WireType.LengthDelimited:
                    OtlpCommon.ReadKeyValue(reader.ReadBytes(), attributes);
                    break;
                case 15 when wireType == WireType.LengthDelimited:
                    status = ReadStatus(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        if (traceId is null || spanId is null)
        {
            return null;
        }

        return new SpanRecord(
            traceId,
            spanId,
            parentSpanId,
            name,
            kind >= 0 && kind < Kinds.Length ? Kinds[kind] : Kinds[0],
            OtlpCommon.UnknownService,
            Scope: null,
            OtlpCommon.FromUnixNanos(start),
            OtlpCommon.FromUnixNanos(Math.Max(start, end)),
            attributes,
            status.Code,
            status.Message);
    }

    /// <summary>Status { 2: message, 3: code (0 unset, 1 ok, 2 error) }.</summary>
    private static (string Code, string? Message) ReadStatus(ReadOnlySpan<byte> status)
    {
        var code = SpanStatus.Unset;
        string? message = null;
        var reader = new ProtoReader(status);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 2 when wireType == WireType.LengthDelimited:
                    message = reader.ReadString();
                    break;
                case 3 when wireType == WireType.Varint:
                    code = reader.ReadVarint() switch
                    {
                        1 => SpanStatus.Ok,
                        2 => SpanStatus.Error,
                        _ => SpanStatus.Unset,
                    };
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return (code, string.IsNullOrEmpty(message) ? null : message);
    }
}
