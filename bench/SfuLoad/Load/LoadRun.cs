using System.Diagnostics;
using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.Testing;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// Runs a <see cref="LoadScenario"/> against one server: joins every publisher, then every subscriber (real ICE and
/// DTLS-SRTP each), sends the clips for the warm-up, then measures a window and stops sending: packets and bytes received
/// at subscribers that were sent in it, their latency, and the server process's CPU time, memory and (for ours)
/// managed allocations over it.
/// </summary>
public static class LoadRun
{
    public static readonly OfferedTrack[] Publishing = [new("audio", MediaDirection.SendOnly), new("video", MediaDirection.SendOnly)];

    /// <summary>How a publisher's offer changes for <paramref name="media"/>: rid simulcast when it has layers.</summary>
    private static Action<ClientPeer>? PrepareFor(LoadMedia media) =>
        media.Simulcast.Count == 0 ? null : peer => SimulcastPublishing.Offer(peer, [.. media.Simulcast.Select(layer => layer.Layer)]);

    public static async Task<LoadResult> RunAsync(ILoadTarget target, LoadScenario scenario, LoadMedia media)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(media);
        var log = new SendLog(TimeSpan.FromSeconds(Math.Min(media.Audio.Seconds, media.Video.Seconds) / 2));
        var peers = new List<ClientPeer>();
        var publishers = new List<PublisherStreams>();
        var subscribers = new List<(SubscriberMeter Meter, IReadOnlyList<PublisherStreams> From)>();
        try
        {
            for (var c = 0; c < scenario.Calls; c++)
            {
                var call = await target.OpenCallAsync(c);
                var joined = await Task.WhenAll(Enumerable.Range(0, scenario.Publishers).Select(p => call.PublishAsync(p, Publishing, PrepareFor(media))));
                peers.AddRange(joined);
                var streams = joined.Select(peer => PublisherStreams.For(peer, media, log, publishers.Count, scenario.Calls * scenario.Publishers, scenario.Pacing)).ToList();
                publishers.AddRange(streams);
                var received = Enumerable.Range(0, scenario.Subscribers).Select(s => ReceivedBy(s, scenario)).ToList();
                var listening = await Task.WhenAll(received.Select(call.SubscribeAsync));
                peers.AddRange(listening);
                subscribers.AddRange(listening.Select((peer, s) => (new SubscriberMeter(peer, log), (IReadOnlyList<PublisherStreams>)[.. received[s].Select(p => streams[p])])));
            }

            using var pump = new MediaPump([.. publishers.SelectMany(p => p.Senders)]);
            await Task.Delay(scenario.Warmup);
            var before = ProcessUsage.Of(target.ProcessId);
            var clientBefore = ProcessUsage.Of(Environment.ProcessId).Cpu;
            var stolenBefore = MachineInfo.StolenCpu();
            var countersBefore = await target.CountersAsync();
            log.Recording = true;
            var window = Stopwatch.StartNew();
            await Task.Delay(scenario.Measured);
            log.Recording = false;
            var elapsed = window.Elapsed;
            var after = ProcessUsage.Of(target.ProcessId);
            var clientCpu = ProcessUsage.Of(Environment.ProcessId).Cpu - clientBefore;
            var stolen = MachineInfo.StolenCpu() - stolenBefore;
            var countersAfter = await target.CountersAsync();
            pump.Dispose(); // nothing more is sent: what arrives from now on was sent in the window
            await Task.Delay(TimeSpan.FromMilliseconds(500));

            var latencies = subscribers.SelectMany(s => s.Meter.Latencies()).ToList();
            return new LoadResult(
                target.Name,
                elapsed,
                subscribers.Sum(s => s.From.Sum(p => p.PacketsInWindow)),
                subscribers.Sum(s => s.Meter.Packets),
                subscribers.Sum(s => s.Meter.Bytes),
                Latencies.From(latencies, 0, elapsed),
                after.Cpu - before.Cpu,
                after.RssMegabytes,
                countersBefore is null || countersAfter is null ? null : countersAfter.Since(countersBefore))
            {
                ClientCpu = clientCpu,
                StolenCpu = stolen,
                ArrivalLatency = Latencies.From([.. subscribers.SelectMany(s => s.Meter.ArrivalLatencies())], 0, elapsed),
            };
        }
        finally
        {
            foreach (var peer in peers)
            {
                peer.Dispose();
            }
        }
    }

    /// <summary>Everyone when a subscriber receives all publishers; else everyone but "its own" publisher (the one with its index).</summary>
    private static int[] ReceivedBy(int subscriber, LoadScenario scenario) =>
        [.. Enumerable.Range(0, scenario.Publishers).Where(p => scenario.Received >= scenario.Publishers || p != subscriber % scenario.Publishers).Take(scenario.Received)];
}
