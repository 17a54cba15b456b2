using System.Globalization;

namespace WebRtcChat.Bench.Identity;

internal sealed record BenchOptions(int Users, int Concurrency, TimeSpan PhaseDuration, int Validations, string OutputPath)
{
    public static BenchOptions Parse(string[] args)
    {
        var users = 200;
        var concurrency = 4;
        var seconds = 20;
        var validations = 20_000;
        var output = "bench/results/identity.md";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--users": users = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--concurrency": concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--validations": validations = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
                case "--output": output = args[i + 1]; break;
                default: throw new ArgumentException($"unknown option {args[i]}; use --users N, --concurrency N, --seconds N, --validations N, --output FILE");
            }
        }

        return new BenchOptions(users, concurrency, TimeSpan.FromSeconds(seconds), validations, output);
    }

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run --project bench/IdentityBench -c Release -- --users {Users} --concurrency {Concurrency} --seconds {PhaseDuration.TotalSeconds:0} --validations {Validations} --output {OutputPath}");
}
