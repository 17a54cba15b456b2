using WebRtcChat.Bench;
using WebRtcChat.Bench.Presence;

// Idle hub connections one Presence instance holds (RSS and managed heap per step), and message delivery latency from
// the REST send to the hub push at every recipient, with the Redis backplane on and off. Writes a markdown report.
var options = BenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => PresenceBenchmark.RunAsync(options));
