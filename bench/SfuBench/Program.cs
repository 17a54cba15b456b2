using WebRtcChat.Bench;
using WebRtcChat.Bench.Sfu;
using WebRtcChat.Bench.SfuLoad.Servers;

if (args is ["serve"])
{
    await SfuServer.RunAsync(Console.In, Console.Out);
    return;
}

var options = SfuBenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => ForwardingBenchmark.RunAsync(options));
