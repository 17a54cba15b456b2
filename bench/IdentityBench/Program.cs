using WebRtcChat.Bench;
using WebRtcChat.Bench.Identity;

// Logins, refreshes and registrations per second against the real Identity service (direct and through the gateway),
// the password hash cost, and token validation time and throughput in a resource service (Search). Writes a markdown report.
var options = BenchOptions.Parse(args);
await BenchReport.RunAsync(options.OutputPath, () => IdentityBenchmark.RunAsync(options));
