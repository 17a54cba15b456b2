using System.Globalization;

namespace WebRtcChat.Bench.Identity;

internal sealed record BenchOptions(int Users, int Concurrency, TimeSpan PhaseDuration, int Validations, string OutputPath)
{
    public static BenchOptions Parse(string[] args)
    {
        var parsed = BenchArgs.Parse(args, "--users", "--concurrency", "--seconds", "--validations", "--output");
        return new BenchOptions(
            parsed.Int("--users", 200),
            parsed.Int("--concurrency", 4),
            TimeSpan.FromSeconds(parsed.Int("--seconds", 20)),
            parsed.Int("--validations", 20_000),
            parsed.Text("--output", "bench/results/identity.md"));
    }

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run --project bench/IdentityBench -c Release -- --users {Users} --concurrency {Concurrency} --seconds {PhaseDuration.TotalSeconds:0} --validations {Validations} --output {OutputPath}");
}
