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
        IReadOnlyList<ProcessMemory> memory = [];
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
                    await Task.Delay(options.IdleWait);
                    memory = await MeasureMemoryAsync(app);
                }
            }
        }
        finally
        {
            TestFolders.Delete(dataDirectory);
        }

        return Render(options, runs, memory);
    }

    private static async Task<IReadOnlyList<ProcessMemory>> MeasureMemoryAsync(AppHostProcess app)
    {
        var resources = await app.GetResourcesAsync();
        return
        [
            new ProcessMemory("apphost (orchestrator + dashboard)", "AppHost", RssMegabytes(app.Pid)),
            .. resources
                .Where(r => r.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.Number)
                .Select(r => new ProcessMemory(
                    r.GetProperty("name").GetString()!,
                    r.GetProperty("resourceType").GetString()!,
                    GroupRssMegabytes(r.GetProperty("pid").GetInt32())))
                .OrderBy(m => m.Type, StringComparer.Ordinal).ThenBy(m => m.Name, StringComparer.Ordinal),
        ];
    }

    // A resource's memory is its whole process group's (PostgreSQL's backends, RabbitMQ's VM).
    private static double GroupRssMegabytes(int processGroup) =>
        Directory.GetDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ProcessGroupOf(pid) == processGroup)
            .Sum(RssMegabytes);

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

    private static double RssMegabytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static string Render(BenchOptions options, List<(string Kind, TimeSpan TimeToHealthy)> runs, IReadOnlyList<ProcessMemory> memory)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine("# Start-up benchmark: time to healthy and idle memory");
        text.AppendLine();
        text.AppendLine(culture, $"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(culture, $"- Machine: {MachineDescription()}");
        text.AppendLine(culture, $"- Command: `dotnet run --project bench/StartupBench -c Release -- --warm-runs {options.WarmRuns} --idle-seconds {options.IdleWait.TotalSeconds:0} --output {options.OutputPath}` (after `dotnet build WebRtcChat.sln -c Release`)");
        text.AppendLine("- Measured from launching the built AppHost until the dashboard reports every resource Running and Healthy and the gateway's aggregate /health answers 200.");
        text.AppendLine();
        text.AppendLine(culture, $"| run | time to healthy (s) | target < {HealthyTargetSeconds:0} s |");
        text.AppendLine("|---|---:|---|");
        foreach (var (kind, time) in runs)
        {
            text.AppendLine(culture, $"| {kind} | {time.TotalSeconds:0.0} | {(time.TotalSeconds < HealthyTargetSeconds ? "met" : "missed")} |");
        }

        text.AppendLine();
        text.AppendLine(culture, $"Idle memory after {options.IdleWait.TotalSeconds:0} s (resident set of each resource's process group):");
        text.AppendLine();
        text.AppendLine(culture, $"| resource | type | RSS (MB) | .NET service target < {RssTargetMb:0} MB |");
        text.AppendLine("|---|---|---:|---|");
        foreach (var process in memory)
        {
            var verdict = process.Type == "Project" ? (process.RssMegabytes < RssTargetMb ? "met" : "missed") : "";
            text.AppendLine(culture, $"| {process.Name} | {process.Type} | {process.RssMegabytes:0.0} | {verdict} |");
        }

        return text.ToString();
    }

    private static string MachineDescription()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
        var memoryKb = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=')[1].Trim('"') ?? "Linux";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {double.Parse(memoryKb, CultureInfo.InvariantCulture) / 1024 / 1024:0.0} GiB RAM, {os}, .NET {Environment.Version}");
    }

    private sealed record ProcessMemory(string Name, string Type, double RssMegabytes);
}
