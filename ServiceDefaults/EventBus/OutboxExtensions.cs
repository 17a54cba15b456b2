using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.ServiceDefaults.EventBus;

namespace Microsoft.Extensions.Hosting;

/// <summary>The transactional outbox: events committed with the state change, published afterwards by a background dispatcher.</summary>
public static class OutboxExtensions
{
    /// <summary>
    /// Publishes the events that <see cref="IntegrationEventDbContextExtensions.AddIntegrationEvent"/> writes into
    /// <typeparamref name="TContext"/>'s <c>outbox_messages</c>. Needs <c>AddNpgsqlDbContext&lt;TContext&gt;</c>,
    /// <c>AddEventBus</c> and <c>modelBuilder.AddEventBusTables()</c>. Settings: <see cref="OutboxOptions"/>.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox<TContext>(this IHostApplicationBuilder builder) where TContext : DbContext
    {
        builder.Services.AddOptions<OutboxOptions>()
            .BindConfiguration(OutboxOptions.Section)
            .Validate(o => o.BatchSize > 0 && o.PollInterval > TimeSpan.Zero && o.PublishTimeout > TimeSpan.Zero, "EventBus:Outbox settings must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<OutboxSignal<TContext>>();
        builder.Services.AddSingleton<OutboxCommitInterceptor<TContext>>();
        builder.Services.ConfigureDbContext<TContext>((services, options) =>
            options.AddInterceptors(services.GetRequiredService<OutboxCommitInterceptor<TContext>>()));
        builder.Services.AddHostedService<OutboxDispatcher<TContext>>();
        return builder;
    }
}
