using System.Globalization;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// The load: <see cref="Calls"/> calls, each with <see cref="Publishers"/> publishers (one VP8 layer of
/// <see cref="VideoKbps"/> and Opus) and <see cref="Subscribers"/> subscribers that each receive
/// <see cref="Received"/> publishers (all, or all but one for "everyone receives everyone else").
/// </summary>
public sealed record LoadScenario(int Calls, int Publishers, int Subscribers, int Received, int VideoKbps, TimeSpan Warmup, TimeSpan Measured)
{
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Calls} call(s) × {Publishers} publishers × {Subscribers} subscribers receiving {Received} each, VP8 {VideoKbps} kbps + Opus 40 kbps");
}
