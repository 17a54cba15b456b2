namespace WebRtcChat.Presence.Extensions;

public static class PresenceExtensions
{
    /// <summary>The Presence service's stores: Redis (presence, typing and the SignalR backplane) and the event bus; bearer tokens validated against Identity.</summary>
    public static IHostApplicationBuilder AddPresenceService(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddEventBus("eventbus");
        builder.AddDefaultAuthentication();
        return builder;
    }
}
