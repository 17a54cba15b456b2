using WebRtcChat.Bench;
using WebRtcChat.Bench.SfuLoad.Servers;
using WebRtcChat.Bench.SfuLoadBench;

if (args is ["serve"])
{
    await SfuServer.RunAsync(Console.In, Console.Out);
    return;
}

var options = LoadBenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => SideBySideBenchmark.RunAsync(options));
