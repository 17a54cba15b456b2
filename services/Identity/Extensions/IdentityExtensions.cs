using WebRtcChat.Identity.Data;

namespace WebRtcChat.Identity.Extensions;

public static class IdentityExtensions
{
    /// <summary>The Identity service's stores: its PostgreSQL database (with the outbox) and the event bus.</summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb");
        builder.AddOutbox<IdentityDbContext>();
        builder.AddEventBus("eventbus");
        builder.AddMailSender("mail");
        return builder;
    }
}
