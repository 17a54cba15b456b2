using System.Collections.Concurrent;
using System.Text.Json;

namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>How an event's type and body are stored in the outbox, and found again at dispatch.</summary>
public static class IntegrationEventTypes
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly ConcurrentDictionary<string, Type?> Resolved = new(StringComparer.Ordinal);

    /// <summary><c>Namespace.Type, Assembly</c>: no version, so a redeployed producer still reads its older rows.</summary>
    public static string NameOf(Type type) =>
        $"{type.FullName}, {type.Assembly.GetName().Name}";

    public static Type? Resolve(string name) =>
        Resolved.GetOrAdd(name, static key => Type.GetType(key, throwOnError: false));
}
