using System.Diagnostics;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// What one subscriber receives: every RTP packet whose send the <see cref="SendLog"/> has (sent in the window) counts,
/// with its bytes, and for video its latency publisher send → subscriber receive (one process, one clock), twice: to
/// the kernel's arrival stamp at the subscriber's socket (what the server added, without the subscriber's scheduling)
/// and to the subscriber's handler (what an application would see).
/// </summary>
public sealed class SubscriberMeter
{
    private readonly SendLog log;
    private readonly ClientPeer peer;
    private readonly List<long> latencies = new(1 << 16);
    private readonly List<long> arrivalLatencies = new(1 << 16);
    private readonly Lock gate = new();
    private long packets;
    private long bytes;

    public SubscriberMeter(ClientPeer peer, SendLog log)
    {
        ArgumentNullException.ThrowIfNull(peer);
        this.log = log;
        this.peer = peer;
        peer.StampArrivals = true;
        peer.RtpReceived += OnRtp;
    }

    public long Packets => Interlocked.Read(ref packets);

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Latencies of the video packets received, send → handler, in <see cref="Stopwatch"/> ticks.</summary>
    public List<long> Latencies()
    {
        lock (gate)
        {
            return [.. latencies];
        }
    }

    /// <summary>Latencies of the video packets received, send → arrival at the subscriber's socket, in <see cref="Stopwatch"/> ticks.</summary>
    public List<long> ArrivalLatencies()
    {
        lock (gate)
        {
            return [.. arrivalLatencies];
        }
    }

    private void OnRtp(ReadOnlySpan<byte> packet)
    {
        var now = Stopwatch.GetTimestamp();
        if (!RtpHeader.TryParse(packet, out var header) || !log.TryFind(header.GetPayload(packet), now, out var sent))
        {
            return;
        }

        Interlocked.Increment(ref packets);
        Interlocked.Add(ref bytes, packet.Length);
        if (sent.Video)
        {
            var arrived = peer.Arrival;
            lock (gate)
            {
                latencies.Add(now - sent.Timestamp);
                if (arrived is { } at)
                {
                    arrivalLatencies.Add((at - sent.At).Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
                }
            }
        }
    }
}
