namespace WebRtcChat.MediaSfu.Extensions;

public static class MediaSfuExtensions
{
    /// <summary>The MediaSfu service's stores: Redis (the SFU room registry) and the event bus; bearer tokens validated against Identity.</summary>
    public static IHostApplicationBuilder AddMediaSfuService(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("redis");
        builder.AddEventBus("eventbus");
        builder.AddDefaultAuthentication();
        return builder;
    }
}
