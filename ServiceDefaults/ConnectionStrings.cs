using System.Data.Common;
using Microsoft.Extensions.Configuration;

namespace Microsoft.Extensions.Hosting;

/// <summary>Reads the <c>ConnectionStrings:&lt;name&gt;</c> values the AppHost injects, failing early and clearly when one is missing.</summary>
internal static class ConnectionStrings
{
    public static string GetRequired(IHostApplicationBuilder builder, string connectionName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionName);
        var value = builder.Configuration.GetConnectionString(connectionName);
        return string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException(
                $"Connection string 'ConnectionStrings:{connectionName}' is missing. Reference the '{connectionName}' resource from the AppHost or set ConnectionStrings__{connectionName}.")
            : value;
    }

    /// <summary>Splits a <c>Key=Value;Key=Value</c> connection string; keys are case-insensitive.</summary>
    public static IReadOnlyDictionary<string, string> ParseKeyValues(string connectionString)
    {
        var parser = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string key in parser.Keys)
        {
            values[key] = Convert.ToString(parser[key], System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return values;
    }

    public static string RequiredKey(IReadOnlyDictionary<string, string> values, string key, string connectionName) =>
        values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new InvalidOperationException($"Connection string 'ConnectionStrings:{connectionName}' has no '{key}' value.");
}
