using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Stores a document-shaped property (a list or dictionary of records) as one JSONB column.</summary>
public static class JsonbPropertyExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Maps the property to <c>jsonb</c>, serialized with web (camelCase) names; changes are detected by comparing the
    /// serialized form, so mutating the list or dictionary in place is saved too.
    /// </summary>
    public static PropertyBuilder<T> HasJsonbConversion<T>(this PropertyBuilder<T> property) where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(property);
        return property
            .HasColumnType("jsonb")
            .HasConversion(
                value => JsonSerializer.Serialize(value, Json),
                json => JsonSerializer.Deserialize<T>(json, Json) ?? new T(),
                new ValueComparer<T>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    value => JsonSerializer.Serialize(value, Json).GetHashCode(StringComparison.Ordinal),
                    value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, Json), Json)!));
    }
}
