using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace WebRtcChat.ServiceDefaults.Data;

/// <summary>
/// Brings the database schema up to date at start-up, before the web server listens: applies EF migrations,
/// or creates the schema from the model when the context has none. A database that already has every migration is
/// left alone without creating a DbContext (<see cref="MigrationHistory"/>). Retries for up to a minute while
/// PostgreSQL is not reachable yet, then fails start-up.
/// </summary>
internal sealed partial class DatabaseMigrator<TContext>(
    string connectionString,
    IServiceScopeFactory scopes,
    TimeProvider time,
    ILogger<DatabaseMigrator<TContext>> logger) : IHostedService where TContext : DbContext
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + RetryFor;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateAsync(cancellationToken);
                return;
            }
            catch (Exception exception) when (IsTransient(exception) && time.GetUtcNow() < deadline)
            {
                LogNotReachable(logger, typeof(TContext).Name, attempt, exception.Message);
                await Task.Delay(RetryDelay, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        var migrations = MigrationHistory.MigrationIds<TContext>();
        if (migrations.Count > 0 && (await MigrationHistory.PendingAsync(migrations, connectionString, cancellationToken)).Count == 0)
        {
            LogUpToDate(logger, typeof(TContext).Name);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (migrations.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
            LogMigrated(logger, typeof(TContext).Name);
        }
        else
        {
            await db.Database.EnsureCreatedAsync(cancellationToken);
            LogCreated(logger, typeof(TContext).Name);
        }
    }

    private static bool IsTransient(Exception exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                      || postgres.SqlState.StartsWith("08", StringComparison.Ordinal)
                                      || postgres.SqlState == PostgresErrorCodes.TooManyConnections,
        NpgsqlException npgsql => npgsql.IsTransient,
        InvalidOperationException { InnerException: { } inner } => IsTransient(inner),
        _ => false,
    };

    [LoggerMessage(EventId = 1100, Level = LogLevel.Warning, Message = "Database for {Context} not reachable yet (attempt {Attempt}): {Reason}")]
    private static partial void LogNotReachable(ILogger logger, string context, int attempt, string reason);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Database for {Context} migrated")]
    private static partial void LogMigrated(ILogger logger, string context);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Database for {Context} has every migration")]
    private static partial void LogUpToDate(ILogger logger, string context);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Database for {Context} has no migrations; schema created from the model if absent")]
    private static partial void LogCreated(ILogger logger, string context);
}
