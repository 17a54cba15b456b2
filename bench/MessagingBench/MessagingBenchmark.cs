using System.Globalization;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Messaging;

/// <summary>Starts the stack, runs the send phases, seeds the big room, runs the history phases and the query plans, renders the report.</summary>
internal static class MessagingBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var loadBefore = MachineInfo.LoadAverage();
        await using var stack = await BenchServices.StartAsync<MessagingStack>();
        using var identity = ChatCalls.Client(stack.IdentityUrl);
        using var direct = ChatCalls.Client(stack.MessagingUrl);
        using var gateway = ChatCalls.Client(stack.GatewayUrl);
        using var countsOnly = ChatCalls.Client(stack.CountsOnlyMessagingUrl);
        (string Via, HttpClient Http)[] routes = [("direct", direct), ("gateway", gateway)];

        var users = await ChatUsers.RegisterAsync(identity, stack.MessagingDatabase, options.Senders);
        Progress($"{users.Length} users registered and known to Messaging");
        var sends = await SendBenchmark.RunAsync(options, stack, users, routes);

        var members = users.Take(options.HistoryMembers).ToArray();
        var roomId = await ChatCalls.CreateGroupAsync(direct, members[0], "bench history", members.Skip(1).Select(u => u.Id));
        var seeding = await HistorySeeder.SeedAsync(stack.MessagingDatabase, roomId, members.Select(u => u.Id).ToArray(), options.HistoryMessages);
        Progress(string.Create(CultureInfo.InvariantCulture, $"seeded {options.HistoryMessages:N0} messages in {seeding.TotalSeconds:0} s"));
        var room = await HistoryRoom.LoadAsync(stack.MessagingDatabase, roomId, options.HistoryMessages);
        var history = await HistoryBenchmark.RunAsync(options, room, users[0], [.. routes, ("direct, `readBy` off", countsOnly)]);
        var idleCpu = await IdleCpu.MillisecondsPerSecondAsync(TimeSpan.FromSeconds(10)); // after the run: JIT tiering has settled
        var plans = await QueryPlans.ExplainAsync(stack.MessagingDatabase, room);
        var sizes = await TableSizes.MeasureAsync(stack.MessagingDatabase);
        return Report.Render(options, loadBefore, new RunFacts(users.Length, idleCpu, seeding, sizes), sends, history, plans);
    }

    private static void Progress(string line) => Console.Error.WriteLine(line);
}
