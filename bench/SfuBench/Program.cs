using WebRtcChat.Bench;
using WebRtcChat.Bench.Sfu;
using WebRtcChat.Bench.SfuLoad.Servers;

if (await SfuServer.ServeIfAskedAsync(args))
{
    return;
}

var options = SfuBenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => ForwardingBenchmark.RunAsync(options));
