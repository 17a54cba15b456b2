namespace WebRtcChat.MediaSfu.Quality;

public static class QualityExtensions
{
    /// <summary>Dominant speaker detection and the periodic quality samples, with their settings validated at start.</summary>
    public static IHostApplicationBuilder AddCallQuality(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<QualityOptions>()
            .BindConfiguration(QualityOptions.Section)
            .Validate(options => options.IsValid(),
                "MediaSfu:QualitySampleInterval must be positive; MediaSfu:DominantSpeaker needs a positive Window, Smoothing in (0, 1], "
                + "VoiceThresholdDbov in [-127, 0] and non-negative HysteresisDb, Confirmation and MinimumHold.")
            .ValidateOnStart();
        builder.Services.AddSingleton<DominantSpeakers>();
        builder.Services.AddHostedService<DominantSpeakerTracker>();
        builder.Services.AddHostedService<CallQualitySampler>();
        return builder;
    }
}
