using System.Globalization;

namespace WebRtcChat.Bench.Sfu;

internal sealed record SfuBenchOptions(IReadOnlyList<int> FanOuts, int Packets, int PacketsPerSecond, string OutputPath)
{
    public static SfuBenchOptions Parse(string[] args)
    {
        var parsed = BenchArgs.Parse(args, "--fan-outs", "--packets", "--rate", "--output");
        return new SfuBenchOptions(
            [.. parsed.Text("--fan-outs", "1,3,10").Split(',').Select(n => int.Parse(n, CultureInfo.InvariantCulture))],
            parsed.Int("--packets", 20_000),
            parsed.Int("--rate", 2_000),
            parsed.Text("--output", "bench/results/sfu-forwarding.md"));
    }

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run --project bench/SfuBench -c Release -- --fan-outs {string.Join(',', FanOuts)} --packets {Packets} --rate {PacketsPerSecond} --output {OutputPath}");
}
