using MassTransit;
using WebRtcChat.Messaging.Attachments;
using WebRtcChat.Messaging.Consumers;
using WebRtcChat.Messaging.Data;
using WebRtcChat.Messaging.Rooms;

namespace WebRtcChat.Messaging.Extensions;

public static class MessagingExtensions
{
    /// <summary>
    /// The Messaging service: its PostgreSQL database (with the outbox), the event bus with the consumers that keep its
    /// copy of users and blocks, the object store with the attachment limits, ffmpeg tools and the orphan sweeper; bearer tokens validated against Identity.
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
        builder.Services.AddOptions<AttachmentOptions>()
            .BindConfiguration(AttachmentOptions.Section)
            .ValidateDataAnnotations()
            .Validate(options => options.Check() is null, "Attachments: MaxFileBytes must not exceed MaxTotalBytes; durations, lifetimes and intervals must be positive (DownloadUrlLifetime at most 7 days).")
            .ValidateOnStart();
        builder.Services.AddSingleton<MediaTools>();
        builder.Services.AddSingleton<AttachmentStore>();
        builder.Services.AddHostedService<ObjectCleanupService>();
        return builder;
    }
}
