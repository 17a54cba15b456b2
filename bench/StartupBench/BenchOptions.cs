using System.Globalization;

namespace WebRtcChat.Bench.Startup;

/// <param name="IdleSamples">When to read each process's memory, counted from healthy, ascending; the target is judged on the last.</param>
internal sealed record BenchOptions(int WarmRuns, IReadOnlyList<TimeSpan> IdleSamples, string OutputPath)
{
    public static BenchOptions Parse(string[] args)
    {
        var warmRuns = 2;
        IReadOnlyList<TimeSpan> idle = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(10)];
        var output = "bench/results/startup.md";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--warm-runs": warmRuns = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--idle-seconds": idle = ParseSeconds(args[i + 1]); break;
                case "--output": output = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --warm-runs N, --idle-seconds N[,N...], --output FILE");
            }
        }

        return new BenchOptions(warmRuns, idle, output);
    }

    public string IdleSecondsArgument =>
        string.Join(',', IdleSamples.Select(sample => sample.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)));

    private static TimeSpan[] ParseSeconds(string list)
    {
        var samples = list.Split(',').Select(s => TimeSpan.FromSeconds(int.Parse(s, CultureInfo.InvariantCulture))).ToArray();
        if (samples.Length == 0 || samples.Zip(samples.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            throw new ArgumentException("--idle-seconds takes ascending seconds, e.g. 30,600");
        }

        return samples;
    }
}
