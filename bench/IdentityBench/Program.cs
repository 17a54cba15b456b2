using WebRtcChat.Bench.Identity;

// Logins, refreshes and registrations per second against the real Identity service (direct and through the gateway),
// the password hash cost, and token validation time and throughput in a resource service (Search). Writes a markdown report.
var options = BenchOptions.Parse(args);
var output = Path.GetFullPath(options.OutputPath);

// WebApplicationFactory finds the services' content roots through MvcTestingAppManifest.json in the current directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var report = await IdentityBenchmark.RunAsync(options);
await File.WriteAllTextAsync(output, report);
Console.WriteLine(report);
