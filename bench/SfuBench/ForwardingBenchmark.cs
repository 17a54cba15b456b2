using System.Globalization;
using WebRtcChat.Bench.SfuLoad.Servers;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Sfu;

/// <summary>Runs one forwarding phase per fan-out against a fresh SFU process and renders the report.</summary>
internal static class ForwardingBenchmark
{
    public static async Task<string> RunAsync(SfuBenchOptions options)
    {
        var loadBefore = MachineInfo.LoadAverage();
        var results = new List<PhaseResult>();
        using (var sfu = SfuProcess.Start())
        {
            await ForwardingPhase.RunAsync(sfu, 1, 2_000, options.PacketsPerSecond); // warm-up: JIT, first handshakes
            foreach (var fanOut in options.FanOuts)
            {
                results.Add(await ForwardingPhase.RunAsync(sfu, fanOut, options.Packets, options.PacketsPerSecond));
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fan-out {fanOut}: {results[^1].CpuMicrosecondsPerForwarded:0.00} us/packet"));
            }
        }

        var culture = CultureInfo.InvariantCulture;
        var text = MachineInfo.StartReport("SFU forwarding: cost per forwarded packet", options.CommandLine,
            $"; load average (1, 5, 15 min) before the run {loadBefore}, after {MachineInfo.LoadAverage()}");
        text.AppendLine("- Setup: the SFU's media plane (ICE-lite port, DTLS-SRTP, forwarding, RTCP reporting) alone in its own process; one publisher and N subscribers built on our client stack (full ICE, DTLS client, SRTP) in the runner process, over loopback UDP. Packets are 1,200-byte RTP (AEAD_AES_128_GCM, the profile browsers and our stack negotiate), sent at a steady rate.");
        text.AppendLine("- Server CPU is the SFU process's user + system time during the phase (from /proc, 10 ms resolution), divided by the packets it forwarded: receive, decrypt once, then per subscriber copy, rewrite, encrypt and send, plus its background work. Allocations are the process's allocated bytes over the same span. Latency is publisher send → subscriber receive, including both clients' SRTP.");
        text.AppendLine();
        text.AppendLine("| subscribers | packets sent | forwarded | received | loss % | elapsed (s) | SFU CPU (s) | SFU CPU per forwarded packet (µs) | SFU bytes allocated per forwarded packet | SFU RSS (MB) | latency p50 (ms) | p99 (ms) | max (ms) |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            text.AppendLine(culture,
                $"| {r.FanOut} | {r.Sent:N0} | {r.Forwarded:N0} | {r.Received:N0} | {r.LossPercent:0.00} | {r.Elapsed.TotalSeconds:0.0} | {r.ServerCpu.TotalSeconds:0.00} | {r.CpuMicrosecondsPerForwarded:0.00} | {r.BytesAllocatedPerForwarded:0.0} | {r.ServerRssMb:0} | {r.Latency.P50Ms:0.00} | {r.Latency.P99Ms:0.00} | {r.Latency.MaxMs:0.00} |");
        }

        return text.ToString();
    }
}
