using System.Diagnostics;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// Many <see cref="HubSocket"/>s opened at a bounded concurrency and kept alive with a ping every 10 s (the server
/// drops a client silent for 30 s); tells how many are still open and still hear from the server.
/// </summary>
internal sealed class HubSocketPool : IAsyncDisposable
{
    private static readonly TimeSpan PingInterval = TimeSpan.FromSeconds(10);
    private readonly List<HubSocket> sockets = [];
    private readonly HttpMessageInvoker invoker = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(30) });
    private readonly CancellationTokenSource stopping = new();
    private readonly Task pinging;
    private int attempted;

    public HubSocketPool() => pinging = PingAllAsync();

    public int Count
    {
        get
        {
            lock (sockets)
            {
                return sockets.Count;
            }
        }
    }

    /// <summary>The first error a connection attempt met, if any did.</summary>
    public string? FirstFailure { get; private set; }

    /// <summary>
    /// Opens <paramref name="count"/> more connections, <paramref name="concurrency"/> at a time; connection
    /// <c>i</c> (counted over the pool's life) goes where <paramref name="target"/> says. Times each open and handshake.
    /// </summary>
    public Task<Latencies> AddAsync(int count, int concurrency, Func<int, (Uri Hub, string Token, Action<ReadOnlySpan<byte>>? OnRecord)> target)
    {
        return LoadRunner.RunAsync(concurrency, TimeSpan.FromHours(1), async (_, _) =>
        {
            var (hub, token, onRecord) = target(Interlocked.Increment(ref attempted) - 1);
            try
            {
                var socket = await HubSocket.ConnectAsync(invoker, hub, token, onRecord, onRecord is null ? 256 : 8192);
                lock (sockets)
                {
                    sockets.Add(socket);
                }

                return true;
            }
            catch (Exception problem) when (problem is System.Net.WebSockets.WebSocketException or HttpRequestException or OperationCanceledException)
            {
                FirstFailure ??= problem.Message;
                return false;
            }
        }, maxCalls: count);
    }

    /// <summary>How many connections are open, and how many of those heard from the server within <paramref name="window"/>.</summary>
    public (int Open, int HeardWithin) Check(TimeSpan window)
    {
        var since = Stopwatch.GetTimestamp() - (long)(window.TotalSeconds * Stopwatch.Frequency);
        var open = Snapshot().Where(s => s.IsOpen).ToList();
        return (open.Count, open.Count(s => s.LastHeardFrom >= since));
    }

    /// <summary>Why connections ended, most common first (empty while all are open).</summary>
    public IEnumerable<string> EndReasons() =>
        Snapshot().Where(s => !s.IsOpen).GroupBy(s => s.Ended ?? "not open").OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} × {g.Key}");

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        await pinging;
        foreach (var chunk in Snapshot().Chunk(500))
        {
            await Task.WhenAll(chunk.Select(s => s.DisposeAsync().AsTask()));
        }

        invoker.Dispose();
        stopping.Dispose();
    }

    private List<HubSocket> Snapshot()
    {
        lock (sockets)
        {
            return [.. sockets];
        }
    }

    private async Task PingAllAsync()
    {
        using var timer = new PeriodicTimer(PingInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                foreach (var chunk in Snapshot().Chunk(200))
                {
                    await Task.WhenAll(chunk.Select(s => s.PingAsync()));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The pool is being disposed.
        }
    }
}
