using WebRtcChat.Bench;
using WebRtcChat.Bench.SfuLoad.Servers;
using WebRtcChat.Bench.SfuLoadBench;

if (args is ["serve", .. var serveArgs])
{
    await SfuServer.RunAsync(Console.In, Console.Out, serveArgs is [var priority] ? int.Parse(priority, System.Globalization.CultureInfo.InvariantCulture) : 0);
    return;
}

var options = LoadBenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => SideBySideBenchmark.RunAsync(options));
