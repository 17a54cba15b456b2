using WebRtcChat.Bench;
using WebRtcChat.Bench.Messaging;

// Messages persisted per second with concurrent senders (each in their own room, then all in one room; direct and through
// the gateway) and history page latency on a room of a million messages seeded with SQL. Writes a markdown report.
var options = BenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => MessagingBenchmark.RunAsync(options));
