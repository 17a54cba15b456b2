using WebRtcChat.Messaging.Data;

namespace WebRtcChat.Messaging.Extensions;

public static class MessagingExtensions
{
    /// <summary>The Messaging service's stores: its PostgreSQL database (with the outbox) and the event bus and the object store; bearer tokens validated against Identity.</summary>
    public static IHostApplicationBuilder AddMessagingService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<MessagingDbContext>("messagingdb");
        builder.AddOutbox<MessagingDbContext>();
        builder.AddEventBus("eventbus");
        builder.AddObjectStore("objectstore", bucket: "attachments");
        builder.AddDefaultAuthentication();
        return builder;
    }
}
