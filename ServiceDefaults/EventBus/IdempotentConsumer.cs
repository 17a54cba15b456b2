using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>
/// A consumer that handles each message id at most once. In one database transaction it records the message in
/// <c>inbox_messages</c> (skipping the message if this consumer already did), runs <see cref="HandleAsync"/> and
/// saves. An exception rolls everything back, so MassTransit's retry and error queue take over.
/// </summary>
public abstract class IdempotentConsumer<TMessage, TContext> : IConsumer<TMessage>
    where TMessage : class
    where TContext : DbContext
{
    public async Task Consume(ConsumeContext<TMessage> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var messageId = context.MessageId
                        ?? throw new InvalidOperationException($"{typeof(TMessage).Name} arrived without a MessageId; it cannot be deduplicated.");
        var db = context.GetServiceOrCreateInstance<TContext>();
        var consumer = GetType().FullName ?? GetType().Name;
        var cancellationToken = context.CancellationToken;
        var time = context.GetServiceOrCreateInstance<TimeProvider>();

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var recorded = await db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer, processed_at) VALUES ({messageId}, {consumer}, {now}) ON CONFLICT DO NOTHING",
                cancellationToken);
            if (recorded == 0)
            {
                return;
            }

            await HandleAsync(context, db, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>Applies the message to this service's database; <c>SaveChanges</c> and the commit happen afterwards.</summary>
    protected abstract Task HandleAsync(ConsumeContext<TMessage> context, TContext db, CancellationToken ct);
}
