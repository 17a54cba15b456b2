using WebRtcChat.Identity.Data;

namespace WebRtcChat.Identity.Extensions;

public static class IdentityExtensions
{
    /// <summary>The Identity service: its PostgreSQL database (with the outbox), the event bus, mail, accounts, the token server with its login and consent pages, and external logins.</summary>
    public static IHostApplicationBuilder AddIdentityService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<IdentityDbContext>("identitydb");
        builder.AddOutbox<IdentityDbContext>();
        builder.AddEventBus("eventbus");
        builder.AddMailSender("mail");
        builder.AddAccounts();
        builder.AddTokenServer();
        builder.AddLoginPages();
        builder.AddExternalLogin();
        return builder;
    }
}
