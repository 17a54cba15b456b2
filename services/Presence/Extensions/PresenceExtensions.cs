namespace WebRtcChat.Presence.Extensions;

public static class PresenceExtensions
{
    /// <summary>The Presence service's stores: Redis (presence, typing and the SignalR backplane) and the event bus.</summary>
    public static IHostApplicationBuilder AddPresenceService(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddEventBus("eventbus");
        return builder;
    }
}
