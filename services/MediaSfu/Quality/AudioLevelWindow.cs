namespace WebRtcChat.MediaSfu.Quality;

/// <summary>One publisher's audio over one short window: how many packets carried a level, and their mean level in -dBov.</summary>
public readonly record struct AudioLevelWindow(int Packets, double MeanLevel)
{
    /// <summary>RFC 6464's quietest level: silence, or no audio at all.</summary>
    public const double Silence = 127;

    /// <summary>The level in dBov (0 loudest, -127 silence).</summary>
    public double Dbov => -MeanLevel;
}
