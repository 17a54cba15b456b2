using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;

namespace WebRtcChat.Bench;

/// <summary>
/// Another .NET process's managed heap, from the runtime's own counters (<c>System.Runtime</c>: <c>gc-heap-size</c>,
/// the bytes the GC heap holds now, and <c>gc-committed</c>, the memory it has committed), read over EventPipe as
/// <c>dotnet-counters</c> reads them.
/// </summary>
public static class ManagedHeap
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    public sealed record Reading(double HeapMegabytes, double CommittedMegabytes);

    public static async Task<Reading> ReadAsync(int pid)
    {
        var provider = new EventPipeProvider("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["EventCounterIntervalSec"] = "1",
        });
        using var session = new DiagnosticsClient(pid).StartEventPipeSession(provider, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var counters = new Dictionary<string, double>(StringComparer.Ordinal);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        source.Dynamic.All += traceEvent =>
        {
            if (traceEvent.EventName == "EventCounters"
                && traceEvent.PayloadValue(0) is IDictionary<string, object> payload
                && payload["Payload"] is IDictionary<string, object> counter)
            {
                var value = counter.TryGetValue("Mean", out var mean) ? mean : counter["Increment"];
                counters[(string)counter["Name"]] = Convert.ToDouble(value, CultureInfo.InvariantCulture);
                if (counters.ContainsKey("gc-heap-size") && counters.ContainsKey("gc-committed"))
                {
                    done.TrySetResult();
                }
            }
        };
        var processing = Task.Run(source.Process);
        await done.Task.WaitAsync(Patience);
        await session.StopAsync(CancellationToken.None);
        await processing;
        return new Reading(counters["gc-heap-size"], counters["gc-committed"]);
    }
}
