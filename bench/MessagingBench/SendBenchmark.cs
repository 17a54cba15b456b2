using System.Globalization;
using Npgsql;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Messaging;

/// <summary>
/// Concurrent senders posting messages for a fixed time: each in a room of their own (two members: the sender and the
/// next user), then all in one shared room, where every send waits for the room's row lock (sequence numbers are taken
/// in commit order by design). Success is a 201; what is persisted is counted in the database afterwards.
/// </summary>
internal static class SendBenchmark
{
    public static async Task<List<SendPhase>> RunAsync(BenchOptions options, MessagingStack stack, TestUser[] users, IReadOnlyList<(string Via, HttpClient Http)> routes)
    {
        var owner = routes[0].Http;
        var ownRooms = await Task.WhenAll(users.Select((user, i) =>
            ChatCalls.CreateGroupAsync(owner, user, $"bench own {i}", [users[(i + 1) % users.Length].Id])));
        var shared = await ChatCalls.CreateGroupAsync(owner, users[0], "bench shared", users.Skip(1).Select(u => u.Id));
        var layouts = new (string Name, Guid[] RoomOf)[]
        {
            ($"own room each ({users.Length} rooms)", ownRooms),
            ("all in one room", users.Select(_ => shared).ToArray()),
        };

        var phases = new List<SendPhase>();
        foreach (var (layout, roomOf) in layouts)
        {
            foreach (var (via, http) in routes)
            {
                phases.Add(await MeasureAsync(options, stack.MessagingDatabase, users, roomOf, layout, via, http));
            }
        }

        return phases;
    }

    private static async Task<SendPhase> MeasureAsync(
        BenchOptions options, string database, TestUser[] users, Guid[] roomOf, string layout, string via, HttpClient http)
    {
        var rooms = roomOf.Distinct().ToArray();
        var before = await CountMessagesAsync(database, rooms);
        var load = MachineInfo.LoadAverage();
        var tag = Guid.NewGuid().ToString("N")[..8];
        var result = await LoadRunner.RunAsync(users.Length, options.PhaseDuration, (worker, call) =>
            ChatCalls.SendAsync(http, users[worker], roomOf[worker], SampleText.Message(worker, call, users), $"{tag}-{worker}-{call}"));
        var persisted = await CountMessagesAsync(database, rooms) - before;
        var phase = new SendPhase(layout, via, users.Length, rooms.Length, result, persisted, load);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"send, {layout} ({via}): {persisted / result.Elapsed.TotalSeconds:0.0} persisted/s, p99 {result.P99Ms:0.0} ms, {result.Failures} failed"));
        return phase;
    }

    private static async Task<long> CountMessagesAsync(string database, Guid[] rooms)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM messages WHERE room_id = ANY(@rooms)", connection) { Parameters = { new("rooms", rooms) } };
        return (long)(await count.ExecuteScalarAsync())!;
    }
}

/// <summary>One send phase: the client-side timings of the 201s, and how many messages the database gained.</summary>
internal sealed record SendPhase(string Layout, string Via, int Senders, int Rooms, Latencies Result, long Persisted, string LoadAverageBefore)
{
    public double PersistedPerSecond => Persisted / Result.Elapsed.TotalSeconds;
}
