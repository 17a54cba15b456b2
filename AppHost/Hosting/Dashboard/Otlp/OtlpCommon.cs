using System.Globalization;
using System.Text;

namespace Aspire.Hosting.Dashboard.Otlp;

/// <summary>The messages shared by traces, logs and metrics: Resource, InstrumentationScope, KeyValue, AnyValue.</summary>
internal static class OtlpCommon
{
    public const string UnknownService = "unknown_service";

    /// <summary>Resource { 1: repeated KeyValue attributes }; the service is its <c>service.name</c> attribute.</summary>
    public static string ReadServiceName(ReadOnlySpan<byte> resource)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        OtlpEnvelope.ForEach(resource, 1, keyValue => ReadKeyValue(keyValue, attributes));
        return attributes.GetValueOrDefault("service.name") is { Length: > 0 } name ? name : UnknownService;
    }

    /// <summary>InstrumentationScope { 1: name, 2: version }.</summary>
    public static string? ReadScopeName(ReadOnlySpan<byte> scope)
    {
        var reader = new ProtoReader(scope);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (field == 1 && wireType == WireType.LengthDelimited)
            {
                return reader.ReadString();
            }

            reader.Skip(wireType);
        }

        return null;
    }

    /// <summary>KeyValue { 1: key, 2: AnyValue value }, added to <paramref name="into"/>.</summary>
    public static void ReadKeyValue(ReadOnlySpan<byte> keyValue, Dictionary<string, string> into)
    {
        string? key = null;
        var value = string.Empty;
        var reader = new ProtoReader(keyValue);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            switch (field)
            {
                case 1 when wireType == WireType.LengthDelimited:
                    key = reader.ReadString();
                    break;
                case 2 when wireType == WireType.LengthDelimited:
                    value = ReadAnyValue(reader.ReadBytes());
                    break;
                default:
                    reader.Skip(wireType);
                    break;
            }
        }

        if (key is not null)
        {
            into[key] = value;
        }
    }

    /// <summary>
    /// AnyValue { 1: string, 2: bool, 3: int64, 4: double, 5: ArrayValue, 6: KeyValueList, 7: bytes }, as display text.
    /// </summary>
    public static string ReadAnyValue(ReadOnlySpan<byte> anyValue)
    {
        var reader = new ProtoReader(anyValue);
        var text = string.Empty;
        while (reader.TryReadTag(out var field, out var wireType))
        {
            text = (field, wireType) switch
            {
                (1, WireType.LengthDelimited) => reader.ReadString(),
                (2, WireType.Varint) => reader.ReadVarint() != 0 ? "true" : "false",
                (3, _) when wireType != WireType.LengthDelimited => reader.ReadInt64(wireType).ToString(CultureInfo.InvariantCulture),
                (4, WireType.Fixed64) => reader.ReadDouble().ToString("R", CultureInfo.InvariantCulture),
                (5, WireType.LengthDelimited) => ReadArray(reader.ReadBytes()),
                (6, WireType.LengthDelimited) => ReadKeyValueList(reader.ReadBytes()),
                (7, WireType.LengthDelimited) => Convert.ToBase64String(reader.ReadBytes()),
                _ => SkipAndKeep(ref reader, wireType, text),
            };
        }

        return text;
    }

    public static string? ReadId(ReadOnlySpan<byte> id) =>
        id.IsEmpty || !id.ContainsAnyExcept((byte)0) ? null : Convert.ToHexStringLower(id);

    public static DateTimeOffset FromUnixNanos(ulong nanos) => DateTimeOffset.UnixEpoch.AddTicks((long)(nanos / 100));

    /// <summary>ArrayValue { 1: repeated AnyValue }.</summary>
    private static string ReadArray(ReadOnlySpan<byte> array)
    {
        var items = new List<string>();
        OtlpEnvelope.ForEach(array, 1, value => items.Add(ReadAnyValue(value)));

        return "[" + string.Join(", ", items) + "]";
    }

    /// <summary>KeyValueList { 1: repeated KeyValue }.</summary>
    private static string ReadKeyValueList(ReadOnlySpan<byte> list)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        OtlpEnvelope.ForEach(list, 1, keyValue => ReadKeyValue(keyValue, values));

        var text = new StringBuilder("{");
        text.AppendJoin(", ", values.Select(v => $"{v.Key}: {v.Value}"));
        return text.Append('}').ToString();
    }

    private static string SkipAndKeep(ref ProtoReader reader, WireType wireType, string text)
    {
        reader.Skip(wireType);
        return text;
    }
}
