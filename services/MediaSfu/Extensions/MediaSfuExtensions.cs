using WebRtcChat.MediaSfu.Apis;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.Media;
using WebRtcChat.MediaSfu.Nodes;
using WebRtcChat.MediaSfu.Rooms;

namespace WebRtcChat.MediaSfu.Extensions;

public static class MediaSfuExtensions
{
    /// <summary>
    /// The MediaSfu service: Redis (the call registry every node shares), the event bus, Messaging (room membership) and
    /// bearer tokens validated against Identity.
    /// </summary>
    public static IHostApplicationBuilder AddMediaSfuService(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddEventBus("eventbus");
        builder.AddDefaultAuthentication();
        builder.Services.AddOptions<SfuOptions>().BindConfiguration(SfuOptions.Section);
        builder.Services.AddSingleton<CallRegistry>();
        builder.Services.AddSingleton<CallAnnouncer>();
        builder.Services.AddSingleton<SfuNode>();
        builder.Services.AddSingleton<CallNegotiator>();
        builder.Services.AddHostedService<RtcpReporter>();
        builder.Services.AddOptions<NodeOptions>()
            .BindConfiguration(NodeOptions.Section)
            .Validate(options => options.IsValid, "MediaSfu:HeartbeatInterval must be positive and MediaSfu:NodeExpiry longer than it.")
            .ValidateOnStart();
        builder.Services.AddSingleton<NodeRegistry>();
        builder.Services.AddSingleton<LostNodeSweeper>();
        builder.Services.AddHostedService<NodeHeartbeat>();
        builder.Services.AddHttpClient<RoomAccess>(http => http.BaseAddress = MessagingAddress(builder.Configuration));
        return builder;
    }

    public static WebApplication MapMediaSfu(this WebApplication app)
    {
        app.MapCalls();
        return app;
    }

    private static Uri MessagingAddress(IConfiguration configuration) =>
        Uri.TryCreate(configuration[RoomAccess.ServiceDiscoveryKey], UriKind.Absolute, out var address)
            ? address
            : throw new InvalidOperationException($"Reference the messaging service from the AppHost ('{RoomAccess.ServiceDiscoveryKey}'): calls are for room members.");
}
