using System.Globalization;
using System.Text.Json;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Messaging;

/// <summary>
/// History page latency on the seeded room, warm, one request at a time (so each is timed alone): the newest page,
/// pages before random messages in the middle, and pages after random messages near the start, direct and through the gateway.
/// </summary>
internal static class HistoryBenchmark
{
    public const int PageSize = 50;
    private const int WarmUpRequests = 200;

    public static async Task<List<HistoryPhase>> RunAsync(BenchOptions options, HistoryRoom room, TestUser reader, IReadOnlyList<(string Via, HttpClient Http)> routes)
    {
        var pages = new (string Name, Func<int, string> Query)[]
        {
            ("newest page", _ => $"?limit={PageSize}"),
            ("`before` a message in the middle", call => $"?limit={PageSize}&before={room.MiddleCursors[call % room.MiddleCursors.Count]}"),
            ("`after` a message near the start", call => $"?limit={PageSize}&after={room.NearStartCursors[call % room.NearStartCursors.Count]}"),
        };
        var phases = new List<HistoryPhase>();
        foreach (var (name, query) in pages)
        {
            foreach (var (via, http) in routes)
            {
                var bytes = await CheckFullPageAsync(http, reader, room.Id, query(0));
                async Task<bool> Request(int call) => await ChatCalls.HistoryAsync(http, reader, room.Id, query(call)) is not null;
                await LoadRunner.RunAsync(1, TimeSpan.FromMinutes(5), (_, call) => Request(call), maxCalls: WarmUpRequests);
                var load = MachineInfo.LoadAverage();
                var result = await LoadRunner.RunAsync(1, TimeSpan.FromMinutes(30), (_, call) => Request(call), maxCalls: options.PageRequests);
                phases.Add(new HistoryPhase(name, via, result, bytes, load));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"history, {name} ({via}): p50 {result.P50Ms:0.00} ms, p99 {result.P99Ms:0.00} ms, {result.Failures} failed"));
            }
        }

        return phases;
    }

    /// <summary>A page must hold <see cref="PageSize"/> messages with more beyond it, or the timings measure the wrong thing; its size in bytes.</summary>
    private static async Task<int> CheckFullPageAsync(HttpClient http, TestUser reader, Guid room, string query)
    {
        var body = await ChatCalls.HistoryAsync(http, reader, room, query) ?? throw new InvalidOperationException($"History {query} failed.");
        using var page = JsonDocument.Parse(body);
        var count = page.RootElement.GetProperty("messages").GetArrayLength();
        if (count != PageSize || !page.RootElement.GetProperty("hasMore").GetBoolean())
        {
            throw new InvalidOperationException($"History {query} gave {count} messages (hasMore {page.RootElement.GetProperty("hasMore")}), not a full page.");
        }

        return body.Length;
    }
}

internal sealed record HistoryPhase(string Page, string Via, Latencies Result, int PageBytes, string LoadAverageBefore);
