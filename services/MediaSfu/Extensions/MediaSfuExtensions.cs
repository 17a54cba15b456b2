using WebRtcChat.MediaSfu.Apis;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.MediaSfu.IntegrationEvents;
using WebRtcChat.MediaSfu.Media;
using WebRtcChat.MediaSfu.Media.Congestion;
using WebRtcChat.MediaSfu.Nodes;
using WebRtcChat.MediaSfu.Quality;
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
        builder.AddEventBus("eventbus", bus => bus.AddConsumer<CallVideoQualityRequestedConsumer>().Endpoint(endpoint =>
        {
            // Only the node hosting the call can apply a request, so every node needs its own copy of each.
            endpoint.InstanceId = builder.Configuration[$"{SfuOptions.Section}:{nameof(SfuOptions.Node)}"] ?? Environment.MachineName;
            endpoint.Temporary = true;
        }));
        builder.AddDefaultAuthentication();
        builder.Services.AddOptions<SfuOptions>().BindConfiguration(SfuOptions.Section)
            .Validate(o => o.RetransmissionBufferPackets is >= 16 and <= 32_768, "MediaSfu:RetransmissionBufferPackets must be between 16 and 32768.")
            .Validate(o => o.UpstreamNackAttempts is >= 0 and <= 10, "MediaSfu:UpstreamNackAttempts must be between 0 and 10.")
            .Validate(o => o.RetransmissionBufferAge > TimeSpan.Zero && o.NackRetryInterval > TimeSpan.Zero, "MediaSfu:RetransmissionBufferAge and NackRetryInterval must be positive.")
            .ValidateOnStart();
        builder.Services.AddSingleton<CallRegistry>();
        builder.Services.AddSingleton<CallAnnouncer>();
        builder.Services.AddSingleton<SfuNode>();
        builder.Services.AddSingleton<CallNegotiator>();
        builder.Services.AddHostedService<RtcpReporter>();
        builder.AddCallQuality();
        builder.Services.AddSingleton<UplinkReporter>();
        builder.Services.AddSingleton<VideoRequests>();
        builder.Services.AddSingleton<LayerPlanner>();
        builder.Services.AddSingleton<ProbePacer>();
        builder.Services.AddSingleton<VideoQualityControl>();
        builder.Services.AddHostedService<MediaControlLoop>();
        builder.Services.AddHostedService<TransportFeedbackLoop>();
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
