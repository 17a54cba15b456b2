using WebRtcChat.Analytics.Data;

namespace WebRtcChat.Analytics.Extensions;

public static class AnalyticsExtensions
{
    /// <summary>The Analytics service's stores: its PostgreSQL database (with the outbox) and the event bus.</summary>
    public static IHostApplicationBuilder AddAnalyticsService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<AnalyticsDbContext>("analyticsdb");
        builder.AddOutbox<AnalyticsDbContext>();
        builder.AddEventBus("eventbus");
        return builder;
    }
}
