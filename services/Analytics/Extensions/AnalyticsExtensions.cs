using WebRtcChat.Analytics.Data;

namespace WebRtcChat.Analytics.Extensions;

public static class AnalyticsExtensions
{
    /// <summary>The Analytics service's stores: its PostgreSQL database (with the outbox) and the event bus; bearer tokens validated against Identity.</summary>
    public static IHostApplicationBuilder AddAnalyticsService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<AnalyticsDbContext>("analyticsdb");
        builder.AddOutbox<AnalyticsDbContext>();
        builder.AddEventBus("eventbus");
        builder.AddDefaultAuthentication();
        return builder;
    }
}
