using System.Globalization;

namespace WebRtcChat.Bench.Messaging;

internal sealed record BenchOptions(int Senders, TimeSpan PhaseDuration, int HistoryMessages, int HistoryMembers, int PageRequests, string OutputPath)
{
    public static BenchOptions Parse(string[] args)
    {
        var parsed = BenchArgs.Parse(args, "--senders", "--seconds", "--history-messages", "--history-members", "--page-requests", "--output");
        return new BenchOptions(
            parsed.Int("--senders", 50),
            TimeSpan.FromSeconds(parsed.Int("--seconds", 20)),
            parsed.Int("--history-messages", 1_000_000),
            parsed.Int("--history-members", 20),
            parsed.Int("--page-requests", 2_000),
            parsed.Text("--output", "bench/results/messaging.md"));
    }

    public string CommandLine => string.Create(CultureInfo.InvariantCulture,
        $"dotnet run --project bench/MessagingBench -c Release -- --senders {Senders} --seconds {PhaseDuration.TotalSeconds:0} --history-messages {HistoryMessages} --history-members {HistoryMembers} --page-requests {PageRequests} --output {OutputPath}");
}
