using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>The committed results file: how and where the run happened, then BenchmarkDotNet's tables.</summary>
internal static class ResultsReport
{
    public static string? TakeOutputArgument(ref string[] args)
    {
        var index = Array.IndexOf(args, "--output");
        if (index < 0 || index + 1 >= args.Length)
        {
            return null;
        }

        var output = args[index + 1];
        args = [.. args[..index], .. args[(index + 2)..]];
        return output;
    }

    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    public static void Write(string path, string cpuTable, IReadOnlyList<Summary> summaries, string loadBefore, string loadAfter)
    {
        var report = new StringBuilder();
        report.AppendLine("# WebRTC stack micro-benchmarks: SRTP, RTP header rewrite, one forwarded packet");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; load average (1, 5, 15 min) before the run {loadBefore}, after {loadAfter} (the machine is shared: other builds and test runs compete for both cores)");
        report.AppendLine(CultureInfo.InvariantCulture, $"- Command: `dotnet run -c Release --project bench/WebRtcBench -- --filter '*' --output {path}`");
        report.AppendLine("- Packet: 1,200-byte VP8-sized RTP packet with mid, abs-send-time and transport-cc one-byte extensions. First a plain loop timed by wall clock and by the thread's CPU clock (`CLOCK_THREAD_CPUTIME_ID`, which a loaded machine inflates far less), then BenchmarkDotNet (in-process job, 3 warm-up and 15 measured iterations; wall clock; Allocated is managed bytes per operation, `-` = none).");
        report.AppendLine();
        report.AppendLine("## Per operation by the thread's CPU clock (400,000 operations after at least 50,000 and 1 s of warm-up)");
        report.AppendLine();
        report.Append(cpuTable);
        foreach (var summary in summaries)
        {
            report.AppendLine();
            report.AppendLine(CultureInfo.InvariantCulture, $"## {summary.BenchmarksCases.FirstOrDefault()?.Descriptor.Type.Name ?? summary.Title}");
            report.AppendLine();
            var logger = new AccumulationLogger();
            MarkdownExporter.GitHub.ExportToLog(summary, logger);
            report.Append(logger.GetLog());
        }

        File.WriteAllText(path, report.ToString());
    }
}
