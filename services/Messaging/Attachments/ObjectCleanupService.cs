using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using WebRtcChat.Messaging.Data;
using WebRtcChat.ServiceDefaults.Data;

namespace WebRtcChat.Messaging.Attachments;

/// <summary>
/// Deletes the objects whose cleanup is due: files of deleted messages whose first deletion failed, and uploads no
/// message claimed. Rows are taken with SKIP LOCKED, so several instances share the work; a failure backs off.
/// Whether anything is due is asked with a plain command first: a sweep that finds nothing (nearly every one) then
/// never builds the EF model of an otherwise idle service.
/// </summary>
public sealed partial class ObjectCleanupService(
    IServiceScopeFactory scopes,
    NpgsqlDatabase<MessagingDbContext> database,
    AttachmentStore attachments,
    IOptions<AttachmentOptions> options,
    TimeProvider time,
    ILogger<ObjectCleanupService> logger)
    : BackgroundService
{
    private const int BatchSize = 100;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogSweepFailed(logger, exception);
            }
        }
    }

    /// <summary>Deletes one batch of due objects; the number deleted.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        if (!await AnyDueAsync(cancellationToken))
        {
            return 0;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MessagingDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = time.GetUtcNow();
        var due = await db.ObjectCleanups
            .FromSql($"SELECT * FROM object_cleanups WHERE due_at <= {now} ORDER BY due_at LIMIT {BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        var deleted = 0;
        foreach (var cleanup in due)
        {
            if (await attachments.TryDeleteAsync(cleanup.Key))
            {
                db.ObjectCleanups.Remove(cleanup);
                deleted++;
            }
            else
            {
                cleanup.Attempts++;
                cleanup.DueAt = now + TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, options.Value.CleanupInterval.Ticks << Math.Min(cleanup.Attempts, 20)));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return deleted;
    }

    private async Task<bool> AnyDueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM object_cleanups WHERE due_at <= @now)", connection);
        command.Parameters.AddWithValue("now", time.GetUtcNow());
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "The object cleanup sweep failed; it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
