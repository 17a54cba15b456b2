using MassTransit;
using WebRtcChat.Messaging.Consumers;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Rooms;

namespace WebRtcChat.Messaging.Extensions;

public static class MessagingExtensions
{
    /// <summary>
    /// The Messaging service: its PostgreSQL database (with the outbox), the event bus with the consumers that keep its
    /// copy of users and blocks, the object store; bearer tokens validated against Identity.
    /// </summary>
    public static IHostApplicationBuilder AddMessagingService(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<MessagingDbContext>("messagingdb");
        builder.AddOutbox<MessagingDbContext>();
        builder.AddEventBus("eventbus", bus => bus.AddConsumers(typeof(UserRegisteredConsumer).Assembly));
        builder.AddObjectStore("objectstore", bucket: "attachments");
        builder.AddDefaultAuthentication();
        builder.Services.AddOptions<MessagingOptions>()
            .BindConfiguration(MessagingOptions.Section)
            .Validate(options => options.MaxGroupMembers >= 2, "Messaging:MaxGroupMembers must be at least 2.")
            .ValidateOnStart();
        return builder;
    }
}
