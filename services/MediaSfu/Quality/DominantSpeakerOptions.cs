namespace WebRtcChat.MediaSfu.Quality;

/// <summary>How the dominant speaker is judged (<c>MediaSfu:DominantSpeaker</c>).</summary>
public sealed class DominantSpeakerOptions
{
    /// <summary>The window over which each participant's audio levels are averaged.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The weight of the newest window in each participant's smoothed level (exponential moving average).</summary>
    public double Smoothing { get; set; } = 0.4;

    /// <summary>A smoothed level at or above this (dBov) is speech; below it a participant is silent.</summary>
    public double VoiceThresholdDbov { get; set; } = -50;

    /// <summary>How much louder (dB) than the current dominant speaker, while that one still speaks, a challenger must be.</summary>
    public double HysteresisDb { get; set; } = 6;

    /// <summary>How long a challenger must lead without a break before it takes over.</summary>
    public TimeSpan Confirmation { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The least time a dominant speaker keeps the floor (so it changes at most once per hold).</summary>
    public TimeSpan MinimumHold { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsValid() =>
        Window > TimeSpan.Zero && Smoothing is > 0 and <= 1 && VoiceThresholdDbov is >= -127 and <= 0 && HysteresisDb >= 0
        && Confirmation >= TimeSpan.Zero && MinimumHold >= TimeSpan.Zero;
}
