using System.Globalization;

namespace WebRtcChat.Bench;

/// <summary>A process's resident memory and the CPU time it has used so far, read from <c>/proc</c>.</summary>
public sealed record ProcessUsage(long RssBytes, TimeSpan Cpu)
{
    /// <summary>The kernel counts CPU time in clock ticks of 1/100 s on Linux.</summary>
    private const double TicksPerSecond = 100;

    public double RssMegabytes => RssBytes / 1024.0 / 1024.0;

    public static ProcessUsage Of(int pid)
    {
        var rssKb = File.ReadLines($"/proc/{pid}/status")
            .First(line => line.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];

        // The command name (field 2) may hold spaces; the fields after its closing parenthesis start at field 3 (state).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture); // utime + stime
        return new ProcessUsage(long.Parse(rssKb, CultureInfo.InvariantCulture) * 1024, TimeSpan.FromSeconds(ticks / TicksPerSecond));
    }
}
