using System.Text;
using Aspire.Hosting.Dashboard.Telemetry;

namespace Aspire.Hosting.Dashboard.Otlp;

/// <summary>Decodes an ExportLogsServiceRequest { 1: repeated ResourceLogs } into log entries.</summary>
internal static class OtlpLogDecoder
{
    public static List<LogEntry> Decode(ReadOnlySpan<byte> request) =>
    [
        .. OtlpEnvelope.Read(request, ReadLogRecord).Select(item => item.Value with { Service = item.Service, Scope = item.Scope }),
    ];

    /// <summary>
    /// LogRecord { 1: time_unix_nano, 11: observed_time_unix_nano, 2: severity_number, 3: severity_text,
    /// 5: AnyValue body, 6: repeated KeyValue attributes, 9: trace_id, 10: span_id }.
    /// </summary>
    private static LogEntry ReadLogRecord(ReadOnlySpan<byte> record)
    {
        ulong time = 0, observed = 0;
        var severityNumber = 0;
        string? severityText = null, traceId = null, spanId = null;
        var body = string.Empty;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtoReader(record);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == WireType.Fixed64:
                    time = reader.ReadFixed64();
                    break;
                case 11 when wireType == WireType.Fixed64:
                    observed = reader.ReadFixed64();
                    break;
                case 2 when wireType == WireType.Varint:
                    severityNumber = (int)reader.ReadVarint();
                    break;
                case 3 when wireType == WireType.LengthDelimited:
                    severityText = reader.ReadString();
                    break;
                case 5 when wireType == WireType.LengthDelimited:
                    body = OtlpCommon.ReadAnyValue(reader.ReadBytes());
                    break;
                case 6 when wireType == WireType.LengthDelimited:
                    OtlpCommon.ReadKeyValue(reader.ReadBytes(), attributes);
                    break;
                case 9 when wireType == WireType.LengthDelimited:
                    traceId = OtlpCommon.ReadId(reader.ReadBytes());
                    break;
                case 10 when wireType == WireType.LengthDelimited:
                    spanId = OtlpCommon.ReadId(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        return new LogEntry(
            OtlpCommon.FromUnixNanos(time != 0 ? time : observed),
            OtlpCommon.UnknownService,
            severityNumber,
            string.IsNullOrEmpty(severityText) ? SeverityName(severityNumber) : severityText,
            Render(body, attributes),
            attributes,
            traceId,
            spanId,
            Scope: null);
    }

    /// <summary>OpenTelemetry severity ranges: 1-4 trace, 5-8 debug, 9-12 info, 13-16 warn, 17-20 error, 21-24 fatal.</summary>
    private static string SeverityName(int number) => number switch
    {
        >= 21 => "Critical",
        >= 17 => "Error",
        >= 13 => "Warning",
        >= 9 => "Information",
        >= 5 => "Debug",
        >= 1 => "Trace",
        _ => "Unspecified",
    };

    /// <summary>
    /// .NET exporters send the message template as the body unless told to format it;
    /// fill in every {Placeholder} that has an attribute of that name.
    /// </summary>
    private static string Render(string body, Dictionary<string, string> attributes)
    {
        if (!body.Contains('{', StringComparison.Ordinal) || attributes.Count == 0)
        {
            return body;
        }

        var text = new StringBuilder(body.Length);
        var position = 0;
        while (position < body.Length)
        {
            var open = body.IndexOf('{', position);
            var close = open < 0 ? -1 : body.IndexOf('}', open + 1);
            if (close < 0)
            {
                text.Append(body, position, body.Length - position);
                break;
            }

            var placeholder = body[(open + 1)..close];
            var name = placeholder.Split(':', ',')[0].TrimStart('@', '$');
            text.Append(body, position, open - position);
            text.Append(attributes.TryGetValue(name, out var value) ? value : body[open..(close + 1)]);
            position = close + 1;
        }

        return text.ToString();
    }
}
