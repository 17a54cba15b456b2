namespace Aspire.Hosting.Dashboard.Otlp;

/// <summary>One decoded item with the service and instrumentation scope it was reported under.</summary>
internal readonly record struct OtlpItem<T>(string Service, string? Scope, T Value);

/// <summary>
/// The envelope traces, logs and metrics share: Request { 1: repeated ResourceX }, ResourceX { 1: Resource,
/// 2: repeated ScopeX }, ScopeX { 1: InstrumentationScope, 2: repeated item }. The resource may come after its items.
/// </summary>
internal static class OtlpEnvelope
{
    public delegate T? ItemReader<T>(ReadOnlySpan<byte> item) where T : class;

    public delegate void MessageHandler(ReadOnlySpan<byte> message);

    public static List<OtlpItem<T>> Read<T>(ReadOnlySpan<byte> request, ItemReader<T> readItem) where T : class
    {
        var items = new List<OtlpItem<T>>();
        ForEach(request, 1, resource => ReadResource(resource, readItem, items));
        return items;
    }

    /// <summary>Calls <paramref name="handle"/> for every length-delimited occurrence of <paramref name="field"/>, skipping the rest.</summary>
    public static void ForEach(ReadOnlySpan<byte> message, int field, MessageHandler handle)
    {
        var reader = new ProtoReader(message);
        while (reader.TryReadTag(out var number, out var wireType))
        {
            if (number == field && wireType == WireType.LengthDelimited)
            {
                handle(reader.ReadBytes());
            }
            else
            {
                reader.Skip(wireType);
            }
        }
    }

    private static void ReadResource<T>(ReadOnlySpan<byte> resource, ItemReader<T> readItem, List<OtlpItem<T>> into) where T : class
    {
        var service = OtlpCommon.UnknownService;
        var first = into.Count;
        var reader = new ProtoReader(resource);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (wireType != WireType.LengthDelimited || field is not (1 or 2))
            {
                reader.Skip(wireType);
            }
            else if (field == 1)
            {
                service = OtlpCommon.ReadServiceName(reader.ReadBytes());
            }
            else
            {
                ReadScope(reader.ReadBytes(), readItem, into);
            }
        }

        for (var i = first; i < into.Count; i++)
        {
            into[i] = into[i] with { Service = service };
        }
    }

    private static void ReadScope<T>(ReadOnlySpan<byte> scope, ItemReader<T> readItem, List<OtlpItem<T>> into) where T : class
    {
        string? scopeName = null;
        var first = into.Count;
        var reader = new ProtoReader(scope);
        while (reader.TryReadTag(out var field, out var wireType))
        {
            if (wireType != WireType.LengthDelimited || field is not (1 or 2))
            {
                reader.Skip(wireType);
            }
            else if (field == 1)
            {
                scopeName = OtlpCommon.ReadScopeName(reader.ReadBytes());
            }
            else if (readItem(reader.ReadBytes()) is { } item)
            {
                into.Add(new OtlpItem<T>(OtlpCommon.UnknownService, null, item));
            }
        }

        for (var i = first; i < into.Count; i++)
        {
            into[i] = into[i] with { Scope = scopeName };
        }
    }
}
