using System.Diagnostics;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// Starts sends on a fixed schedule (<c>rate</c> per second, open loop) with at most <c>maxInFlight</c> outstanding:
/// when the server falls behind, the schedule slips, the achieved rate shows it and sending still stops at the deadline. Times each accepted send.
/// </summary>
internal static class PacedSender
{
    public static async Task<Latencies> RunAsync(int rate, TimeSpan duration, int maxInFlight, Func<int, Task<bool>> send)
    {
        var total = (int)(rate * duration.TotalSeconds);
        using var slots = new SemaphoreSlim(maxInFlight);
        var accepted = new List<long>(total);
        var failures = 0;
        var running = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var message = 0; message < total && clock.Elapsed < duration; message++)
        {
            var wait = TimeSpan.FromSeconds((double)message / rate) - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            await slots.WaitAsync();
            var index = message;
            running.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    if (await send(index))
                    {
                        lock (accepted)
                        {
                            accepted.Add(Stopwatch.GetTimestamp() - start);
                        }
                    }
                    else
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
                finally
                {
                    slots.Release();
                }
            }));
        }

        await Task.WhenAll(running);
        return Latencies.From(accepted, failures, clock.Elapsed);
    }
}
