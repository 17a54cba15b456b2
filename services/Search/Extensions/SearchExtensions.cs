using WebRtcChat.Search.Data;

namespace WebRtcChat.Search.Extensions;

public static class SearchExtensions
{
    /// <summary>The Search service's stores: its PostgreSQL database (with the outbox) and the event bus; bearer tokens validated against Identity.</summary>
    public static IHostApplicationBuilder AddSearchService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<SearchDbContext>("searchdb");
        builder.AddOutbox<SearchDbContext>();
        builder.AddEventBus("eventbus");
        builder.AddDefaultAuthentication();
        return builder;
    }
}
