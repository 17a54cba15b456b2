using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.IntegrationEvents;

namespace WebRtcChat.Identity.Extensions;

public static class IdentityExtensions
{
    /// <summary>
    /// The Identity service: its PostgreSQL database (with the outbox), the event bus (stats consumers), mail, avatars in
    /// the object store, accounts, login rate limits in Redis, the token server with its login and consent pages, and
    /// external logins.
    /// </summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb");
        builder.AddOutbox<IdentityDbContext>();
        builder.AddEventBus("eventbus", bus =>
        {
            bus.AddConsumer<MessageSentConsumer>();
            bus.AddConsumer<CallEndedConsumer>();
        });
        builder.AddMailSender("mail");
        builder.AddAvatars();
        builder.AddAccounts();
        builder.AddLoginRateLimits();
        builder.AddTokenServer();
        builder.AddLoginPages();
        builder.AddExternalLogin();

        // The login cookie and account links need the data protection keys on a first login, not at start.
        builder.Services.WithoutKeyRingPreload();
        return builder;
    }
}
