using System.Globalization;

namespace WebRtcChat.Bench.Startup;

internal sealed record BenchOptions(int WarmRuns, TimeSpan IdleWait, string OutputPath)
{
    public static BenchOptions Parse(string[] args)
    {
        var warmRuns = 2;
        var idle = TimeSpan.FromSeconds(30);
        var output = "bench/results/startup.md";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--warm-runs": warmRuns = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--idle-seconds": idle = TimeSpan.FromSeconds(int.Parse(args[i + 1], CultureInfo.InvariantCulture)); break;
                case "--output": output = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --warm-runs N, --idle-seconds N, --output FILE");
            }
        }

        return new BenchOptions(warmRuns, idle, output);
    }
}
