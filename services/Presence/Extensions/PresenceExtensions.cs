using MassTransit;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using StackExchange.Redis;
using WebRtcChat.Presence.Apis;
using WebRtcChat.Presence.Calls;
using WebRtcChat.Presence.Delivery;
using WebRtcChat.Presence.Hubs;
using WebRtcChat.Presence.Rooms;
using WebRtcChat.Presence.Status;
using WebRtcChat.Presence.Turn;
using WebRtcChat.Presence.Typing;

namespace WebRtcChat.Presence.Extensions;

public static class PresenceExtensions
{
    /// <summary>Redis channels of the SignalR backplane start with this, apart from anything else in the same Redis.</summary>
    public const string BackplaneChannelPrefix = "webrtcchat-presence";

    /// <summary>
    /// Off only for a single instance (pushes then reach just this instance's connections): the benchmark prices the
    /// backplane with it. Several instances need it on.
    /// </summary>
    public const string BackplaneEnabledKey = "Presence:Backplane:Enabled";

    /// <summary>
    /// The Presence service: Redis (presence, typing and the SignalR backplane, so several instances act as one), the event
    /// bus with the pushers of Messaging's events, and the chat hub behind Identity's bearer tokens (also from the query).
    /// </summary>
    public static IHostApplicationBuilder AddPresenceService(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddEventBus("eventbus", bus => bus.AddConsumers(typeof(MessageSentPusher).Assembly));
        builder.AddDefaultAuthentication();
        builder.Services.AddSingleton<IPostConfigureOptions<JwtBearerOptions>, HubAccessToken>();
        builder.Services.AddSingleton<IUserIdProvider, SubjectUserIdProvider>();
        builder.Services.AddSingleton<RoomMembers>();
        builder.Services.AddSingleton<SocialGraph>();
        builder.Services.AddSingleton<LocalConnections>();
        builder.Services.AddSingleton<PresenceStore>();
        builder.Services.AddSingleton<PresenceNotifier>();
        builder.Services.AddHostedService<PresenceHeartbeat>();
        builder.Services.AddOptions<PresenceOptions>()
            .BindConfiguration(PresenceOptions.Section)
            .Validate(options => options.HeartbeatInterval > TimeSpan.Zero && options.ConnectionTtl > options.HeartbeatInterval && options.OfflineGrace >= TimeSpan.Zero,
                "Presence needs a positive HeartbeatInterval, a ConnectionTtl longer than it and a non-negative OfflineGrace.")
            .ValidateOnStart();
        builder.Services.AddSingleton<TypingIndicators>();
        builder.Services.AddOptions<TypingOptions>()
            .BindConfiguration(TypingOptions.Section)
            .Validate(options => options.Ttl > TimeSpan.Zero && options.Throttle >= TimeSpan.Zero && options.Throttle < options.Ttl,
                "Presence:Typing needs a positive Ttl and a Throttle shorter than it.")
            .ValidateOnStart();
        builder.AddCalls();
        var signalR = builder.Services.AddSignalR(options => options.AddFilter<CallRefusalFilter>()).AddMessagePackProtocol();
        if (builder.Configuration.GetValue(BackplaneEnabledKey, defaultValue: true))
        {
            signalR.AddStackExchangeRedis(
                builder.Configuration.GetConnectionString("redis") ?? throw new InvalidOperationException("ConnectionStrings:redis is not set."),
                options =>
                {
                    options.Configuration.ChannelPrefix = RedisChannel.Literal(BackplaneChannelPrefix);
                    options.Configuration.AbortOnConnectFail = false;
                });
        }

        return builder;
    }

    public static WebApplication MapChatHub(this WebApplication app)
    {
        app.MapHub<ChatHub>(ChatHub.Path).RequireAuthorization(CallerExtensions.UserPolicy);
        app.MapTyping();
        app.MapPresence();
        app.MapCalls();
        return app;
    }
}
