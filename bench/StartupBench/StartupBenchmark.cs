using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Startup;

internal static class StartupBenchmark
{
    private const double RssTargetMb = 150;
    private const double HealthyTargetSeconds = 60;

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var dataDirectory = TestFolders.Create("bench");
        var runs = new List<(string Kind, TimeSpan TimeToHealthy)>();
        var samples = new List<IReadOnlyList<ProcessMemory>>();
        try
        {
            for (var run = 0; run <= options.WarmRuns; run++)
            {
                var kind = run == 0 ? "cold (empty data folder: initdb, first broker boot)" : $"warm #{run} (data kept)";
                await using var app = AppHostProcess.Start(dataDirectory);
                var clock = Stopwatch.StartNew();
                await app.WaitUntilHealthyAsync(TimeSpan.FromMinutes(5));
                runs.Add((kind, clock.Elapsed));
                Console.Error.WriteLine($"{kind}: healthy after {clock.Elapsed.TotalSeconds:0.0} s");
                if (run == options.WarmRuns)
                {
                    foreach (var sample in options.IdleSamples)
                    {
                        var sinceHealthy = clock.Elapsed - runs[^1].TimeToHealthy;
                        await Task.Delay(sample > sinceHealthy ? sample - sinceHealthy : TimeSpan.Zero);
                        samples.Add(await MeasureMemoryAsync(app));
                        Console.Error.WriteLine($"memory read {sample.TotalSeconds:0} s after healthy");
                    }
                }
            }
        }
        finally
        {
            TestFolders.Delete(dataDirectory);
        }

        return Render(options, runs, samples);
    }

    private static async Task<IReadOnlyList<ProcessMemory>> MeasureMemoryAsync(AppHostProcess app)
    {
        var resources = await app.GetResourcesAsync();
        return
        [
            new ProcessMemory("apphost (orchestrator + dashboard)", "AppHost", ReadMemory(app.Pid)),
            .. resources
                .Where(r => r.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number)
                .Select(r => new ProcessMemory(
                    r.GetProperty("name").GetString()!,
                    r.GetProperty("resourceType").GetString()!,
                    GroupMemory(r.GetProperty("pid").GetInt32())))
                .OrderBy(m => m.Type, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal),
        ];
    }

    // A resource's memory is its whole process group's (PostgreSQL's backends, RabbitMQ's VM).
    private static MemoryReading GroupMemory(int processGroup) =>
        Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessGroupOf(pid) == processGroup)
            .Select(ReadMemory)
            .Aggregate(new MemoryReading(0, 0), (sum, one) => new MemoryReading(sum.RssMegabytes + one.RssMegabytes, sum.PssMegabytes + one.PssMegabytes));

    private static int ProcessGroupOf(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[2], CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return -1;
        }
    }

    /// <summary>RSS counts every page the process maps, shared runtime files included; PSS splits shared pages among their users.</summary>
    private static MemoryReading ReadMemory(int pid)
    {
        try
        {
            var rollup = File.ReadLines($"/proc/{pid}/smaps_rollup").ToList();
            return new MemoryReading(Kilobytes(rollup, "Rss:") / 1024, Kilobytes(rollup, "Pss:") / 1024);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new MemoryReading(0, 0);
        }
    }

    private static double Kilobytes(List<string> rollup, string field) =>
        rollup.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal)) is { } line
            ? double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : 0;

    private static string Render(BenchOptions options, List<(string Kind, TimeSpan TimeToHealthy)> runs, List<IReadOnlyList<ProcessMemory>> samples)
    {
        var culture = CultureInfo.InvariantCulture;
        var text = MachineInfo.StartReport(
            "Start-up benchmark: time to healthy and idle memory",
            string.Create(culture, $"dotnet run --project bench/StartupBench -c Release -- --warm-runs {options.WarmRuns} --idle-seconds {options.IdleSecondsArgument} --output {options.OutputPath}"));
        text.AppendLine("- Measured from launching the built AppHost until the dashboard reports every resource Running and Healthy and the gateway's aggregate /health answers 200.");
        text.AppendLine();
        text.AppendLine(culture, $"| run | time to healthy (s) | target < {HealthyTargetSeconds:0} s |");
        text.AppendLine("|---|---:|---|");
        foreach (var (kind, time) in runs)
        {
            text.AppendLine(culture, $"| {kind} | {time.TotalSeconds:0.0} | {(time.TotalSeconds < HealthyTargetSeconds ? "met" : "missed")} |");
        }

        text.AppendLine();
        var last = options.IdleSamples[^1].TotalSeconds;
        text.AppendLine(culture, $"Idle memory, read {string.Join(", ", options.IdleSamples.Select(s => $"{s.TotalSeconds:0} s"))} after healthy with nothing using the application, summed over each resource's process group (PSS, at {last:0} s, shares the pages of the .NET runtime and libraries among the processes that map them). The target is judged at {last:0} s:");
        text.AppendLine();
        var rssColumns = string.Concat(options.IdleSamples.Select(s => $" RSS at {s.TotalSeconds:0} s (MB) |"));
        text.AppendLine(culture, $"| resource | type |{rssColumns} PSS (MB) | .NET service RSS target < {RssTargetMb:0} MB |");
        text.AppendLine(culture, $"|---|---|{string.Concat(options.IdleSamples.Select(_ => "---:|"))}---:|---|");
        foreach (var process in samples[^1])
        {
            var readings = samples.Select(sample => sample.FirstOrDefault(p => p.Name == process.Name)?.Memory.RssMegabytes);
            var rss = string.Concat(readings.Select(r => r is { } mb ? string.Create(culture, $" {mb:0.0} |") : " |"));
            var verdict = process.Type == "Project" ? (process.Memory.RssMegabytes < RssTargetMb ? "met" : "missed") : "";
            text.AppendLine(culture, $"| {process.Name} | {process.Type} |{rss} {process.Memory.PssMegabytes:0.0} | {verdict} |");
        }

        return text.ToString();
    }

    private sealed record ProcessMemory(string Name, string Type, MemoryReading Memory);

    private sealed record MemoryReading(double RssMegabytes, double PssMegabytes);
}
