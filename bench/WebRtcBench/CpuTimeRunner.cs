using System.Diagnostics;
using System.Globalization;
using System.Text;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>
/// The headline operations again, timed by the thread's CPU clock rather than the wall clock, so that a loaded
/// machine (other engineers' builds on the same two cores) inflates the numbers far less: per operation, wall ns,
/// CPU ns and allocated bytes, over a fixed number of operations after a warm-up.
/// </summary>
internal static class CpuTimeRunner
{
    private const int MinWarmupOperations = 50_000;

    // Long enough for the JIT to tier the code up (call counting starts after 100 ms without new tier-0 methods).
    private static readonly TimeSpan MinWarmupTime = TimeSpan.FromSeconds(1);
    private const int Operations = 400_000;

    public static string Run()
    {
        var table = new StringBuilder();
        table.AppendLine("| operation | profile | wall ns/op | thread CPU ns/op | allocated B/op |");
        table.AppendLine("|---|---|---:|---:|---:|");
        foreach (var profile in new[] { SrtpProfile.Aes128CmHmacSha1_80, SrtpProfile.AeadAes128Gcm })
        {
            // A fresh pair of sessions per operation: a receiver must see a stream from its start (rollover counter 0).
            Measure(table, "SRTP protect (1,200 B)", profile, () => new SrtpBenchmarks { Profile = profile }, b => b.Protect());
            Measure(table, "SRTP protect + unprotect (1,200 B)", profile, () => new SrtpBenchmarks { Profile = profile }, b => b.ProtectThenUnprotect());
            Measure(table, "publish + forward to one subscriber", profile, () => new ForwardingBenchmarks { Profile = profile }, b => b.PublishAndForwardToOneSubscriber());
        }

        Measure(table, "RTP parse + rewrite", null, () => new RtpBenchmarks(), b => b.ParseAndRewrite());
        Measure(table, "RTP parse + rewrite + transport-cc sequence", null, () => new RtpBenchmarks(), b => b.ParseRewriteAndTransportSequence());
        return table.ToString();
    }

    private static void Measure<T>(StringBuilder table, string operation, SrtpProfile? profile, Func<T> create, Func<T, int> body)
        where T : IBenchmark
    {
        var benchmark = create();
        benchmark.Setup();
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < MinWarmupOperations || warmup.Elapsed < MinWarmupTime; i++)
        {
            body(benchmark);
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpuClock.Nanoseconds();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < Operations; i++)
        {
            body(benchmark);
        }

        wall.Stop();
        var cpu = ThreadCpuClock.Nanoseconds() - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        benchmark.Cleanup();
        table.AppendLine(CultureInfo.InvariantCulture,
            $"| {operation} | {profile?.ToString() ?? "-"} | {wall.Elapsed.TotalNanoseconds / Operations:F1} | {(double)cpu / Operations:F1} | {(double)allocated / Operations:F3} |");
    }
}
