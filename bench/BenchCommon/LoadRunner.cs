using System.Diagnostics;

namespace WebRtcChat.Bench;

/// <summary>Runs an operation from <c>concurrency</c> workers until a deadline (or a count), timing each call.</summary>
public static class LoadRunner
{
    /// <summary>
    /// Each worker calls <paramref name="operation"/> with its index and its running call number; a call returns
    /// whether it succeeded. Stops starting calls after <paramref name="duration"/> or <paramref name="maxCalls"/>.
    /// </summary>
    public static async Task<Latencies> RunAsync(int concurrency, TimeSpan duration, Func<int, int, Task<bool>> operation, int maxCalls = int.MaxValue)
    {
        var started = 0;
        var failures = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var perWorker = await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            var ticks = new List<long>();
            for (var call = 0; clock.Elapsed < duration && Interlocked.Increment(ref started) <= maxCalls; call++)
            {
                var start = Stopwatch.GetTimestamp();
                if (await operation(worker, call))
                {
                    ticks.Add(Stopwatch.GetTimestamp() - start);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }

            return ticks;
        })));
        var elapsed = clock.Elapsed;
        process.Refresh();
        return Latencies.From([.. perWorker.SelectMany(t => t)], failures, elapsed) with { ProcessCpu = process.TotalProcessorTime - cpuBefore };
    }
}
