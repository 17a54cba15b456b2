using System.Buffers.Binary;
using System.Diagnostics;
using WebRtcChat.Bench.SfuLoad.Servers;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.Sfu;

/// <summary>
/// One publisher sending video-sized RTP (1,200 bytes) at a steady rate to <c>fanOut</c> subscribers through the SFU
/// process, over real ICE, DTLS-SRTP and loopback UDP. Each packet carries its send time; subscribers record the
/// latency (publisher send → subscriber receive, both in this process, so one clock).
/// </summary>
internal static class ForwardingPhase
{
    private const int PacketSize = 1_200;

    public static async Task<PhaseResult> RunAsync(SfuProcess sfu, int fanOut, int packets, int packetsPerSecond)
    {
        var callId = Guid.NewGuid();
        using var publisher = await JoinAsync(sfu, callId, new OfferedTrack("video", MediaDirection.SendOnly));
        var subscribers = new List<ClientPeer>();
        var latencies = new List<long>[fanOut];
        for (var i = 0; i < fanOut; i++)
        {
            var subscriber = await JoinAsync(sfu, callId, new OfferedTrack("video", MediaDirection.RecvOnly));
            var received = latencies[i] = new List<long>(packets);
            subscriber.RtpReceived += packet => received.Add(Stopwatch.GetTimestamp() - BinaryPrimitives.ReadInt64BigEndian(packet[RtpHeader.FixedLength..]));
            subscribers.Add(subscriber);
        }

        while (await sfu.ConnectedAsync(callId) < fanOut + 1)
        {
            await Task.Delay(50);
        }

        var before = await sfu.StatsAsync();
        var cpuBefore = sfu.Usage().Cpu;
        var elapsed = await SendAsync(publisher, publisher.SsrcOf("0"), packets, packetsPerSecond);
        await Task.Delay(500); // the last packets in flight
        var usage = sfu.Usage();
        var cpu = usage.Cpu - cpuBefore;
        var after = await sfu.StatsAsync();
        var rss = usage.RssMegabytes;
        foreach (var subscriber in subscribers)
        {
            subscriber.Dispose();
        }

        var all = latencies.SelectMany(l => l).ToList();
        return new PhaseResult(
            fanOut, packets, (long)packets * fanOut, all.Count, after.Forwarded - before.Forwarded, elapsed, cpu, after.Allocated - before.Allocated, rss, Latencies.From(all, 0, elapsed));
    }

    private static async Task<ClientPeer> JoinAsync(SfuProcess sfu, Guid callId, OfferedTrack track)
    {
        var peer = new ClientPeer([track]);
        await peer.ConnectAsync(await sfu.JoinAsync(callId, peer.OfferText));
        return peer;
    }

    /// <summary>Sends at the given rate in 10 ms bursts; returns how long it took.</summary>
    private static async Task<TimeSpan> SendAsync(ClientPeer publisher, uint ssrc, int packets, int packetsPerSecond)
    {
        var packet = new byte[PacketSize];
        Random.Shared.NextBytes(packet);
        var started = Stopwatch.StartNew();
        for (var i = 0; i < packets; i++)
        {
            RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.Vp8PayloadType, (ushort)i, (uint)(i * 90), ssrc);
            BinaryPrimitives.WriteInt64BigEndian(packet.AsSpan(RtpHeader.FixedLength), Stopwatch.GetTimestamp());
            publisher.SendRtp(packet);
            var due = TimeSpan.FromSeconds((i + 1) / (double)packetsPerSecond);
            if (due - started.Elapsed > TimeSpan.FromMilliseconds(10))
            {
                await Task.Delay(due - started.Elapsed);
            }
        }

        return started.Elapsed;
    }
}

internal sealed record PhaseResult(
    int FanOut, int Sent, long Expected, int Received, long Forwarded, TimeSpan Elapsed, TimeSpan ServerCpu, long ServerAllocated, double ServerRssMb, Latencies Latency)
{
    public double CpuMicrosecondsPerForwarded => ServerCpu.TotalMilliseconds * 1000 / Math.Max(1, Forwarded);

    public double BytesAllocatedPerForwarded => ServerAllocated / (double)Math.Max(1, Forwarded);

    public double LossPercent => 100.0 * (Expected - Received) / Expected;
}
