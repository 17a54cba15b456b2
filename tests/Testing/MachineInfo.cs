using System.Globalization;
using System.Text;

namespace WebRtcChat.Testing;

/// <summary>What a benchmark report says about the machine it ran on.</summary>
public static class MachineInfo
{
    /// <summary>Cores, CPU model, memory, OS and .NET version, in one line.</summary>
    public static string Describe()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
        var memoryKb = File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=')[1].Trim('"') ?? "Linux";
        return string.Create(CultureInfo.InvariantCulture,
            $"{Environment.ProcessorCount} cores ({cpu}), {double.Parse(memoryKb, CultureInfo.InvariantCulture) / 1024 / 1024:0.0} GiB RAM, {os}, .NET {Environment.Version}");
    }

    /// <summary>The 1-, 5- and 15-minute load averages, as <c>/proc/loadavg</c> has them.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>
    /// CPU time the hypervisor gave to other guests while this machine's CPUs wanted to run, summed over its CPUs since
    /// boot (the steal column of <c>/proc/stat</c>, in 10 ms ticks); zero on bare metal.
    /// </summary>
    public static TimeSpan StolenCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return TimeSpan.FromMilliseconds(10 * long.Parse(fields[8], CultureInfo.InvariantCulture));
    }

    /// <summary>A benchmark report's title, date, machine (with <paramref name="machineNote"/>) and the exact command.</summary>
    public static StringBuilder StartReport(string title, string command, string machineNote = "")
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        text.AppendLine(culture, $"# {title}");
        text.AppendLine();
        text.AppendLine(culture, $"- Date: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        text.AppendLine(culture, $"- Machine: {Describe()}{machineNote}");
        text.AppendLine(culture, $"- Command: `{command}` (after `dotnet build WebRtcChat.sln -c Release`)");
        return text;
    }
}
