using System.Text.Json;
using System.Text.Json.Serialization;

namespace Aspire.Hosting.Dashboard.Api;

/// <summary>The dashboard API's JSON: camelCase, enums as their names.</summary>
internal static class DashboardJson
{
    public static JsonSerializerOptions Options { get; } = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter());
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        return options;
    }
}
