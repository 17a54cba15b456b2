using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.ServiceDefaults.EventBus;

namespace Microsoft.EntityFrameworkCore;

/// <summary>Writes integration events to the transactional outbox.</summary>
public static class IntegrationEventDbContextExtensions
{
    /// <summary>
    /// Adds <paramref name="event"/> to the outbox in the change tracker: the next <c>SaveChangesAsync</c> commits it in
    /// the same transaction as the state change, and the outbox dispatcher publishes it only after that commit.
    /// </summary>
    public static void AddIntegrationEvent<TEvent>(this DbContext dbContext, TEvent @event) where TEvent : class
    {
        ArgumentNullException.ThrowIfNull(dbContext);
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        var now = TimeOf(dbContext).GetUtcNow();
        dbContext.Set<OutboxMessage>().Add(new OutboxMessage
        {
            Id = OutboxMessageIds.Next(now),
            Type = IntegrationEventTypes.NameOf(type),
            Body = JsonSerializer.Serialize(@event, type, IntegrationEventTypes.Json),
            CreatedAt = now,
            TraceParent = Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null,
        });
    }

    private static TimeProvider TimeOf(DbContext dbContext) =>
        dbContext.GetService<IDbContextOptions>()
            .FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider?.GetService<TimeProvider>()
        ?? TimeProvider.System;
}
