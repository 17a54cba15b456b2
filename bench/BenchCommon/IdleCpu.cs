using System.Diagnostics;

namespace WebRtcChat.Bench;

/// <summary>
/// The CPU time this process uses per second while no load runs (background work of the hosted services: outbox
/// dispatchers, bus connections, timers), so a phase's CPU per operation can be read net of it.
/// </summary>
public static class IdleCpu
{
    public static async Task<double> MillisecondsPerSecondAsync(TimeSpan window)
    {
        using var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        process.Refresh();
        return (process.TotalProcessorTime - before).TotalMilliseconds / clock.Elapsed.TotalSeconds;
    }
}
