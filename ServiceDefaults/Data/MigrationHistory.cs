using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace WebRtcChat.ServiceDefaults.Data;

/// <summary>
/// Which of a context's migrations a database has not applied, read from EF's history table with one query and no
/// DbContext: a service restarted on an up-to-date database skips building the EF model, its migrations' model and
/// their diff (7-9 MB of JIT'd code, metadata and mapped assemblies kept for the life of the process).
/// </summary>
public static class MigrationHistory
{
    private const string Table = HistoryRepository.DefaultTableName;

    /// <summary>The ids of <typeparamref name="TContext"/>'s migrations in its assembly, as EF finds them, in order.</summary>
    public static IReadOnlyList<string> MigrationIds<TContext>() where TContext : DbContext =>
        [.. typeof(TContext).Assembly.DefinedTypes
            .Where(type => type is { IsAbstract: false } && type.IsSubclassOf(typeof(Migration))
                           && type.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(TContext))
            .Select(type => type.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal)];

    /// <summary>
    /// The migrations of <typeparamref name="TContext"/> missing from the database's history, oldest first; all of them
    /// when the history table does not exist yet.
    /// </summary>
    public static async Task<IReadOnlyList<string>> PendingAsync<TContext>(string connectionString, CancellationToken cancellationToken)
        where TContext : DbContext => await PendingAsync(MigrationIds<TContext>(), connectionString, cancellationToken);

    /// <summary>Those of <paramref name="migrations"/> missing from the database's history, in their order.</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(IReadOnlyList<string> migrations, string connectionString, CancellationToken cancellationToken)
    {
        var applied = await AppliedAsync(connectionString, cancellationToken);
        return [.. migrations.Where(id => !applied.Contains(id))];
    }

    private static async Task<HashSet<string>> AppliedAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT to_regclass(@table) IS NOT NULL", connection);
        exists.Parameters.AddWithValue("table", $"\"{Table}\"");
        if (await exists.ExecuteScalarAsync(cancellationToken) is not true)
        {
            return [];
        }

        await using var query = new NpgsqlCommand($"SELECT \"MigrationId\" FROM \"{Table}\"", connection);
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied.Add(reader.GetString(0));
        }

        return applied;
    }
}
