using System.Globalization;
using WebRtcChat.Presence.Hubs;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Presence;

/// <summary>
/// Idle hub connections held by one Presence instance, in ramps: at each step the connections are opened (timed), held
/// for the hold period with SignalR's pings both ways, then checked (still open, heard from the server within its 15 s
/// keep-alive) and the instance's RSS and managed heap are read.
/// </summary>
internal static class ConnectionBenchmark
{
    private const int Concurrency = 32;

    /// <summary>The server pings every 15 s when it has nothing else to send; a little slack for a busy machine.</summary>
    private static readonly TimeSpan HeardWindow = TimeSpan.FromSeconds(20);

    public static async Task<ConnectionRun> RunAsync(BenchOptions options, ServiceProcess presence, TestUser[] users)
    {
        var hub = new Uri(presence.Url, ChatHub.Path);
        var idle = await ReadAsync(presence);
        var steps = new List<ConnectionStep>();
        await using var pool = new HubSocketPool();
        foreach (var target in options.ConnectionSteps)
        {
            var connect = await pool.AddAsync(target - pool.Count, Concurrency, i => (hub, users[i % users.Length].AccessToken, null));
            var load = MachineInfo.LoadAverage();
            var cpuBefore = presence.Usage().Cpu;
            await Task.Delay(options.Hold);
            var cpu = presence.Usage().Cpu - cpuBefore;
            var (open, heard) = pool.Check(HeardWindow);
            var memory = await ReadAsync(presence);
            steps.Add(new ConnectionStep(target, connect, open, heard, memory, cpu.TotalMilliseconds / options.Hold.TotalSeconds,
                ProcessUsage.Of(Environment.ProcessId).RssMegabytes, load, string.Join("; ", pool.EndReasons()), pool.FirstFailure));
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"connections {target}: {open} open, {heard} heard within {HeardWindow.TotalSeconds:0} s, Presence RSS {memory.RssMegabytes:0} MB, heap {memory.HeapMegabytes:0} MB"));
        }

        return new ConnectionRun(idle, steps);
    }

    private static async Task<PresenceMemory> ReadAsync(ServiceProcess presence)
    {
        var heap = await ManagedHeap.ReadAsync(presence.Pid);
        return new PresenceMemory(presence.Usage().RssMegabytes, heap.HeapMegabytes, heap.CommittedMegabytes);
    }
}

internal sealed record PresenceMemory(double RssMegabytes, double HeapMegabytes, double CommittedMegabytes);

internal sealed record ConnectionStep(
    int Target, Latencies Connect, int Open, int HeardWithin, PresenceMemory Memory, double PresenceCpuMsPerSecond,
    double BenchRssMegabytes, string LoadAverage, string EndReasons, string? FirstFailure);

internal sealed record ConnectionRun(PresenceMemory Idle, List<ConnectionStep> Steps);
