using System.Globalization;
using System.Text;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench;

/// <summary>Runs a benchmark and writes its markdown report to a file (and the console).</summary>
public static class BenchReport
{
    /// <summary><paramref name="outputPath"/> is relative to the directory the runner was started in.</summary>
    public static async Task RunAsync(string outputPath, Func<Task<string>> benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        var output = Path.GetFullPath(outputPath);

        // WebApplicationFactory finds the services' content roots through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var report = await benchmark();
        await File.WriteAllTextAsync(output, report);
        Console.WriteLine(report);
    }

    /// <summary>
    /// A report's header (title, date, machine with the load average before and after the run, command) and its setup
    /// line: the stores from the test harness and <paramref name="services"/> in one process with the load generator.
    /// </summary>
    public static StringBuilder Start(string title, string command, string loadBefore, string services)
    {
        var text = MachineInfo.StartReport(title, command, $"; load average (1, 5, 15 min) before the run {loadBefore}, after {MachineInfo.LoadAverage()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"- Setup: real PostgreSQL, Redis, RabbitMQ, S3 and SMTP servers started by the test harness; {services} in one process, each on its own Kestrel port on 127.0.0.1, logging off; the load generator runs in the same process, so servers and client share the 2 cores.");
        return text;
    }
}
