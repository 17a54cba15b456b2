using WebRtcChat.Bench;
using WebRtcChat.Bench.SfuLoad.Servers;
using WebRtcChat.Bench.SfuLoadBench;

if (await SfuServer.ServeIfAskedAsync(args))
{
    return;
}

var options = LoadBenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => SideBySideBenchmark.RunAsync(options));
