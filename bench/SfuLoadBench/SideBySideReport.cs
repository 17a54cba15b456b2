using System.Globalization;
using WebRtcChat.Bench.SfuLoad.Load;
using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.SfuLoadBench;

/// <summary>The markdown report: setup, one table row per server and scenario, and the ours/Janus ratios.</summary>
internal static class SideBySideReport
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Render(LoadBenchOptions options, LoadMedia media, IReadOnlyList<(LoadScenario Scenario, List<LoadResult> Results)> runs, string loadBefore)
    {
        var title = options.Runs("janus") ? "SFU load: ours vs Janus VideoRoom, side by side" : "SFU load: our SFU alone (no Janus in this run)";
        var text = MachineInfo.StartReport(title, options.CommandLine,
            $"; load average (1, 5, 15 min) before the run {loadBefore}, after {MachineInfo.LoadAverage()}");
        text.AppendLine(Culture, $"- Media: a capture made with ffmpeg from lavfi testsrc2 + sine: VP8 {media.Video.Frames.Count / media.Video.Seconds:0} fps at {(media.Simulcast.Count == 0 ? $"{media.Video.BitsPerSecond / 1000:0} kbps" : "rid simulcast, " + string.Join(" + ", media.Simulcast.Select(l => $"{l.Layer.Rid} {l.Layer.Width}x{l.Layer.Height} {l.Clip.BitsPerSecond / 1000:0} kbps")) + " (each subscriber gets the highest)")} (IVF, {media.Video.Seconds:0} s, key frame every 2 s), Opus {media.Audio.BitsPerSecond / 1000:0} kbps in 20 ms frames (Ogg); packetized by the load generator (RFC 7741 with a 15-bit picture id, RFC 7587), each frame due at its timestamp, looped; publishers start at different points of the clip and their capture clocks are spread over one frame interval (independent cameras are not in step). Video {(options.Pacing > 0 ? $"leaves through a pacer at {options.Pacing.ToString(Culture)}× its bitrate (libwebrtc's default factor: a key frame takes a few hundred ms, as from a browser)" : "of a frame leaves at once (no pacer: a key frame reaches the server as one burst)")}; audio is not paced.");
        if (options.Runs("ours-helpers") || options.Runs("ours-no-helpers"))
        {
            text.AppendLine("- `ours (MediaSfu)` has the service's default fan-out helpers (on with real-time receive threads, off at normal priority); `ours, fan-out helpers on` and `ours, no fan-out helpers` set `MediaSfu:FanOutHelpers`: with helpers a receive thread shares a fan-out of 12 copies or more with its helper thread while datagrams are queued behind it; without, it sends every copy itself.");
        }

        text.AppendLine("- Transport: every publisher and subscriber is our own client stack (full ICE controlling, DTLS, SRTP AEAD_AES_128_GCM when offered) over loopback UDP, all in the runner process; each server runs in its own process: our SFU's media plane (`SfuNode`, no HTTP/Redis/bus, started from the runner with `serve`), and Debian's Janus 1.1.2 with a generated config (ICE-lite, HTTP transport only, VideoRoom only, logging at errors). Each scenario starts a fresh server, ours first, then Janus. Both servers, and the load generator's media pump thread, run at nice -10: the subscribers' threads share the same two cores and would otherwise delay them.");
        if (options.Realtime > 0)
        {
            text.AppendLine(Culture, $"- Real-time run (`--realtime {options.Realtime}`): our SFU's receive threads (one per core, sharing its UDP port) raise themselves to SCHED_FIFO priority {options.Realtime} (`MediaSfu:ReceiveThreadPriority`); Janus runs entirely under `chrt --fifo {options.Realtime}` (every thread of it). Both then run as soon as a packet wakes them, ahead of the runner's threads.");
        }

        text.AppendLine(Culture, $"- Measured over a {options.Seconds} s window after a {options.WarmupSeconds} s warm-up: packets counted at subscribers (only those sent in the window, matched to their send by a fingerprint of the payload, since servers rewrite SSRC, sequence numbers and timestamps); loss = 1 − received / (packets each publisher sent in the window × subscribers receiving it); latency of video packets from the publisher's send, twice: to the kernel's arrival stamp at the subscriber's socket (SIOCGSTAMP; the server's part: its queueing, processing and sending, plus the publisher's SRTP and sendto) and to the subscriber's handler (adds the client process's scheduling on the shared cores and SRTP decryption; the same for both servers); for our SFU also in the server: from the kernel's arrival stamp at its socket to its last copy handed to the kernel (its queueing, including waiting for a core, and its processing; counted in 10 µs buckets, upper bounds shown), and of that the handling alone (from the packet being read to its last copy sent); server CPU = user + system time of its process (/proc, 10 ms ticks), RSS at the end of the window; allocations and gen-0 GCs from our SFU's runtime. Client CPU is the runner's own, on the same 2 cores; CPU stolen is the time the hypervisor ran other guests while this machine's CPUs wanted to run (/proc/stat), over the window.");
        foreach (var (scenario, results) in runs)
        {
            text.AppendLine();
            text.AppendLine(Culture, $"## {scenario.Describe()}");
            text.AppendLine();
            text.AppendLine("| server | forwarded packets/s (at subscribers) | received Mbit/s | loss % | to socket p50 (ms) | p99 (ms) | max (ms) | to handler p50 (ms) | p99 (ms) | max (ms) | in server p50 (ms) | p99 (ms) | handling p99 (ms) | server CPU (s) | server cores | forwarded packets per CPU-second | RSS (MB) | bytes allocated per packet | gen-0 GCs per million packets | client CPU (s) | CPU stolen by the host (s) |");
            text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
            foreach (var r in results)
            {
                text.AppendLine(Culture,
                    $"| {r.Server} | {r.PacketsPerSecond:N0} | {r.ReceivedMbps:0.0} | {r.LossPercent:0.00} | {r.ArrivalLatency.P50Ms:0.00} | {r.ArrivalLatency.P99Ms:0.00} | {r.ArrivalLatency.MaxMs:0.00} | {r.Latency.P50Ms:0.00} | {r.Latency.P99Ms:0.00} | {r.Latency.MaxMs:0.00} | {Managed(r.InServerMs(0.5), "0.00")} | {Managed(r.InServerMs(0.99), "0.00")} | {Managed(r.HandlingMs(0.99), "0.00")} | {r.ServerCpu.TotalSeconds:0.00} | {r.ServerCores:0.00} | {r.PacketsPerCpuSecond:N0} | {r.ServerRssMb:0} | {Managed(r.AllocatedBytesPerPacket, "0.0")} | {Managed(r.Gen0PerMillionPackets, "0.0")} | {r.ClientCpu.TotalSeconds:0.00} | {r.StolenCpu.TotalSeconds:0.00} |");
            }

            // Ours is the first row (with fan-out helpers, the service's default), Janus the last.
            if (results is [var ours, .., var janus] && options.Runs("ours") && options.Runs("janus"))
            {
                text.AppendLine();
                text.AppendLine(Culture,
                    $"Ours / Janus: forwarded packets per CPU-second **{ours.PacketsPerCpuSecond / janus.PacketsPerCpuSecond:0.00}×**; latency to the socket p50 {Difference(ours.ArrivalLatency.P50Ms, janus.ArrivalLatency.P50Ms)} ms, p99 {Difference(ours.ArrivalLatency.P99Ms, janus.ArrivalLatency.P99Ms)} ms (to the handler p99 {Difference(ours.Latency.P99Ms, janus.Latency.P99Ms)} ms); RSS {ours.ServerRssMb / janus.ServerRssMb:0.00}×; loss {ours.LossPercent:0.00} % vs {janus.LossPercent:0.00} %.");
            }
        }

        return text.ToString();
    }

    /// <summary>Signed, in hundredths (rounded first: a difference that rounds to zero reads +0.00, not -+0.00).</summary>
    private static string Difference(double ours, double theirs) => Math.Round(ours - theirs, 2).ToString("+0.00;-0.00;+0.00", Culture);

    private static string Managed(double value, string format) => double.IsNaN(value) ? "–" : value.ToString(format, Culture);
}
