using System.Globalization;
using WebRtcChat.Bench.SfuLoad.Janus;
using WebRtcChat.Bench.SfuLoad.Load;
using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.Bench.SfuLoad.Servers;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.SfuLoadBench;

/// <summary>Runs each scenario against our SFU, then Janus (each a fresh server process), in one run, and renders the report.</summary>
internal static class SideBySideBenchmark
{
    public static async Task<string> RunAsync(LoadBenchOptions options)
    {
        var loadBefore = MachineInfo.LoadAverage();
        var media = options.Layers == 3
            ? await LoadMedia.PrepareSimulcastAsync(new CaptureFiles())
            : await LoadMedia.PrepareAsync(new CaptureFiles(), VideoLayer.WithKbps(options.VideoKbps));
        var runs = new List<(LoadScenario Scenario, List<LoadResult> Results)>();
        foreach (var scenario in options.Scenarios)
        {
            var results = new List<LoadResult>();
            if (options.Runs("ours"))
            {
                await using var ours = OurSfuTarget.InOwnProcess(options.Realtime);
                results.Add(await RunOneAsync(ours, scenario, media));
            }

            foreach (var (server, helpers) in new[] { ("ours-helpers", true), ("ours-no-helpers", false) })
            {
                if (options.Runs(server))
                {
                    await using var variant = OurSfuTarget.InOwnProcess(options.Realtime, helpers);
                    results.Add(await RunOneAsync(variant, scenario, media));
                }
            }

            if (options.Runs("janus"))
            {
                await using var janus = await JanusTarget.StartAsync(TimeSpan.FromSeconds(10), options.Realtime);
                results.Add(await RunOneAsync(janus, scenario, media));
            }

            runs.Add((scenario, results));
        }

        return SideBySideReport.Render(options, media, runs, loadBefore);
    }

    private static async Task<LoadResult> RunOneAsync(ILoadTarget target, LoadScenario scenario, LoadMedia media)
    {
        var result = await LoadRun.RunAsync(target, scenario, media);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{scenario.Describe()} on {result.Server}: {result.PacketsPerSecond:N0} packets/s, {result.PacketsPerCpuSecond:N0} per CPU-second, p99 {result.ArrivalLatency.P99Ms:0.00} ms to the socket, {result.Latency.P99Ms:0.00} ms to the handler, loss {result.LossPercent:0.00} %"));
        return result;
    }
}
