using System.Globalization;
using WebRtcChat.Bench.SfuLoad.Load;

namespace WebRtcChat.Bench.SfuLoadBench;

/// <summary>
/// The runner's options. <c>--scenarios</c> lists loads as CALLSxPUBLISHERSxSUBSCRIBERS, optionally -RECEIVED (how many
/// publishers each subscriber receives; all by default), e.g. <c>1x5x5,1x25x25-24</c>; <c>--pacing</c> paces video at
/// that multiple of its bitrate (2.5, a browser's, by default; 0 sends each frame at once); <c>--realtime</c> 1-99 runs
/// the servers' media threads at that real-time priority (0, the default: nice -10).
/// </summary>
internal sealed record LoadBenchOptions(IReadOnlyList<LoadScenario> Scenarios, string ScenarioText, int VideoKbps, int Layers, double Pacing, int WarmupSeconds, int Seconds, string Servers, string OutputPath, int Realtime)
{
    public static LoadBenchOptions Parse(string[] args)
    {
        var parsed = BenchArgs.Parse(args, "--scenarios", "--video-kbps", "--layers", "--pacing", "--warmup", "--seconds", "--servers", "--output", "--realtime");
        var text = parsed.Text("--scenarios", "1x5x5,1x25x25-24");
        var kbps = parsed.Int("--video-kbps", 500);
        var layers = parsed.Int("--layers", 1);
        if (layers is not (1 or 3))
        {
            throw new ArgumentException("--layers is 1 (one VP8 layer of --video-kbps) or 3 (rid simulcast: 150, 500 and 1500 kbps; subscribers get the highest).");
        }

        var pacing = double.Parse(parsed.Text("--pacing", "2.5"), CultureInfo.InvariantCulture);
        var warmup = parsed.Int("--warmup", 3);
        var seconds = parsed.Int("--seconds", 10);
        return new LoadBenchOptions(
            [.. text.Split(',').Select(s => Scenario(s, kbps, warmup, seconds, pacing))], text, kbps, layers, pacing, warmup, seconds,
            parsed.Text("--servers", "ours,janus"), parsed.Text("--output", "bench/results/sfu-vs-janus.md"), parsed.Int("--realtime", 0));
    }

    public bool Runs(string server) => Servers.Split(',').Contains(server, StringComparer.Ordinal);

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run --project bench/SfuLoadBench -c Release -- --scenarios {ScenarioText} --video-kbps {VideoKbps} --layers {Layers} --pacing {Pacing} --warmup {WarmupSeconds} --seconds {Seconds} --servers {Servers}{(Realtime > 0 ? $" --realtime {Realtime}" : "")} --output {OutputPath}");

    private static LoadScenario Scenario(string text, int kbps, int warmup, int seconds, double pacing)
    {
        var parts = text.Split('-');
        var sizes = parts[0].Split('x').Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray();
        if (sizes.Length != 3)
        {
            throw new ArgumentException($"A scenario is CALLSxPUBLISHERSxSUBSCRIBERS[-RECEIVED], not {text}.");
        }

        var received = parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : sizes[1];
        return new LoadScenario(sizes[0], sizes[1], sizes[2], received, kbps, TimeSpan.FromSeconds(warmup), TimeSpan.FromSeconds(seconds), pacing);
    }
}
