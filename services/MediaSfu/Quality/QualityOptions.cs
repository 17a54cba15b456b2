namespace WebRtcChat.MediaSfu.Quality;

/// <summary>The quality settings of the <c>MediaSfu</c> configuration section.</summary>
public sealed class QualityOptions
{
    public const string Section = "MediaSfu";

    /// <summary>How often each participant's <c>CallQualitySampled</c> is published.</summary>
    public TimeSpan QualitySampleInterval { get; set; } = TimeSpan.FromSeconds(10);

    public DominantSpeakerOptions DominantSpeaker { get; set; } = new();

    public bool IsValid() => QualitySampleInterval > TimeSpan.Zero && DominantSpeaker.IsValid();
}
