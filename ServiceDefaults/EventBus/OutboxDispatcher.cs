using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using OpenTelemetry;
using WebRtcChat.ServiceDefaults.Data;

namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>
/// Publishes committed outbox rows in id order. Each batch is claimed with <c>FOR UPDATE SKIP LOCKED</c>, so several
/// instances never publish the same row at once. Each event goes out with MessageId = outbox id. A broker failure
/// stops the batch (later rows wait, keeping order), is recorded on the row, and backs the dispatcher off.
/// </summary>
internal sealed partial class OutboxDispatcher<TContext>(
    NpgsqlDatabase<TContext> database,
    IBus bus,
    OutboxSignal<TContext> signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService where TContext : DbContext
{
    private static readonly TimeSpan CleanupEvery = TimeSpan.FromHours(1);
    private readonly OutboxOptions settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        var nextCleanup = time.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (published, failed) = await DispatchQuietlyAsync(stoppingToken);
                if (failed)
                {
                    await Task.Delay(Backoff(++failures), time, stoppingToken);
                    continue;
                }

                failures = 0;
                if (time.GetUtcNow() >= nextCleanup)
                {
                    using (SuppressInstrumentationScope.Begin())
                    {
                        await CleanupAsync(stoppingToken);
                    }
                    nextCleanup = time.GetUtcNow() + CleanupEvery;
                }

                if (published < settings.BatchSize)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The database itself is unavailable (or the schema is not there yet): try again later.
                LogDatabaseFailure(logger, typeof(TContext).Name, exception);
                await Task.Delay(Backoff(++failures), time, stoppingToken);
            }
        }
    }

    /// <summary>
    /// The once-a-second outbox queries are not traced (they would bury every real trace on the dashboard);
    /// the publishes are, see <see cref="PublishAsync"/>.
    /// </summary>
    private async Task<(int Published, bool Failed)> DispatchQuietlyAsync(CancellationToken cancellationToken)
    {
        using var quiet = SuppressInstrumentationScope.Begin();
        return await DispatchBatchAsync(cancellationToken);
    }

    private async Task<(int Published, bool Failed)> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var batch = await OutboxCommands.ClaimBatchAsync(connection, transaction, settings.BatchSize, cancellationToken);
        if (batch.Count == 0)
        {
            return (0, false);
        }

        // Every publish of the batch is started in order before any confirmation is awaited: the broker confirms them
        // together, so a batch costs about one round trip instead of one per event (which capped a service at ~100/s).
        var publishing = new List<(PendingOutboxMessage Message, Task Published)>(batch.Count);
        foreach (var message in batch)
        {
            if (!TryRead(message, out var @event, out var type, out var unreadable))
            {
                LogUnreadable(logger, message.Id, message.Type);
                await OutboxCommands.RecordFailureAsync(connection, transaction, message.Id, unreadable, CancellationToken.None);
                continue;
            }

            publishing.Add((message, PublishAsync(message, @event, type, cancellationToken)));
        }

        var dispatched = new List<Guid>(publishing.Count);
        var failed = false;
        foreach (var (message, published) in publishing)
        {
            try
            {
                await published;
                dispatched.Add(message.Id);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogPublishFailure(logger, message.Id, message.Attempts + 1, exception);
                await OutboxCommands.RecordFailureAsync(connection, transaction, message.Id, $"{exception.GetType().Name}: {exception.Message}", CancellationToken.None);
                failed = true;
            }
        }

        // Marks are saved even when the shutdown token fires: these events are already on the broker.
        await OutboxCommands.MarkDispatchedAsync(connection, transaction, dispatched, time.GetUtcNow(), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
        if (dispatched.Count > 0)
        {
            LogPublished(logger, dispatched.Count, typeof(TContext).Name);
        }

        return (dispatched.Count, failed);
    }

    /// <summary>A row whose type is unknown or whose body does not parse is recorded and left behind; it cannot block the rest.</summary>
    private static bool TryRead(
        PendingOutboxMessage message,
        [NotNullWhen(true)] out object? @event,
        [NotNullWhen(true)] out Type? type,
        out string error)
    {
        @event = null;
        error = $"Event type '{message.Type}' is not loaded in this service.";
        type = IntegrationEventTypes.Resolve(message.Type);
        try
        {
            @event = type is null ? null : JsonSerializer.Deserialize(message.Body, type, IntegrationEventTypes.Json);
        }
        catch (JsonException exception)
        {
            error = exception.Message;
        }

        return @event is not null && type is not null;
    }

    /// <summary>Publishes within the trace of the operation that raised the event, when it had one.</summary>
    private async Task PublishAsync(PendingOutboxMessage message, object @event, Type type, CancellationToken cancellationToken)
    {
        using var traced = SuppressInstrumentationScope.Begin(false);
        using var activity = ActivityContext.TryParse(message.TraceParent, null, out var parent)
            ? OutboxActivitySource.Instance.StartActivity("outbox publish", ActivityKind.Internal, parent)
            : null;
        activity?.SetTag("messaging.message.id", message.Id);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.PublishTimeout);
        await bus.Publish(@event, type, context => context.MessageId = message.Id, timeout.Token);
    }

    private async Task CleanupAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await OutboxCommands.DeleteDispatchedBeforeAsync(connection, time.GetUtcNow() - settings.Retention, cancellationToken);
    }

    private TimeSpan Backoff(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(settings.MaxBackoff.TotalMilliseconds, 1000 * Math.Pow(2, Math.Min(failures - 1, 10))));

    [LoggerMessage(EventId = 1200, Level = LogLevel.Debug, Message = "Published {Count} outbox events of {Context}")]
    private static partial void LogPublished(ILogger logger, int count, string context);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Warning, Message = "Publishing outbox event {MessageId} failed (attempt {Attempts}); it stays in the outbox")]
    private static partial void LogPublishFailure(ILogger logger, Guid messageId, int attempts, Exception exception);

    [LoggerMessage(EventId = 1203, Level = LogLevel.Error, Message = "Outbox event {MessageId} of type {Type} cannot be read; it is skipped")]
    private static partial void LogUnreadable(ILogger logger, Guid messageId, string type);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Warning, Message = "Outbox of {Context} could not be read")]
    private static partial void LogDatabaseFailure(ILogger logger, string context, Exception exception);
}
