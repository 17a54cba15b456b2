using WebRtcChat.Bench.Startup;

// Measures how long the whole application takes to become healthy (cold: fresh data; warm: data
// kept from the previous run) and each process's memory once idle. Writes a markdown report.
var options = BenchOptions.Parse(args);
var report = await StartupBenchmark.RunAsync(options);
await File.WriteAllTextAsync(options.OutputPath, report);
Console.WriteLine(report);
