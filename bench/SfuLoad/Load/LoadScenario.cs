using System.Globalization;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// The load: <see cref="Calls"/> calls, each with <see cref="Publishers"/> publishers (one VP8 layer of
/// <see cref="VideoKbps"/> and Opus) and <see cref="Subscribers"/> subscribers that each receive
/// <see cref="Received"/> publishers (all, or all but one for "everyone receives everyone else"). Video is paced at
/// <see cref="Pacing"/> times its bitrate as browsers pace it (libwebrtc's default factor is 2.5); 0 sends each frame's
/// packets at once.
/// </summary>
public sealed record LoadScenario(int Calls, int Publishers, int Subscribers, int Received, int VideoKbps, TimeSpan Warmup, TimeSpan Measured, double Pacing = 0)
{
    public const double BrowserPacing = 2.5;

    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Calls} call(s) × {Publishers} publishers × {Subscribers} subscribers receiving {Received} each, VP8 {VideoKbps} kbps + Opus 40 kbps, {(Pacing > 0 ? $"video paced at {Pacing}× its bitrate" : "each video frame sent at once")}");
}
