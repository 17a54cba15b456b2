using System.Text;
using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.ServiceDefaults.Data;

/// <summary>PostgreSQL's own naming style for a model: columns named like <c>last_activity_at</c>, so hand-written SQL needs no quotes.</summary>
public static class SnakeCaseNamingExtensions
{
    /// <summary>Names every column of the model's entities in snake_case; call after the entities are configured.</summary>
    public static ModelBuilder UseSnakeCaseColumns(this ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(ToSnakeCase(property.Name));
            }
        }

        return modelBuilder;
    }

    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                builder.Append('_');
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }
}
