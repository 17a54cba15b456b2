using System.Diagnostics;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// What one subscriber receives: every RTP packet whose send the <see cref="SendLog"/> has (sent in the window) counts,
/// with its bytes, and for video its latency publisher send → subscriber receive (one process, one clock).
/// </summary>
public sealed class SubscriberMeter
{
    private readonly SendLog log;
    private readonly List<long> latencies = new(1 << 16);
    private readonly Lock gate = new();
    private long packets;
    private long bytes;

    public SubscriberMeter(ClientPeer peer, SendLog log)
    {
        ArgumentNullException.ThrowIfNull(peer);
        this.log = log;
        peer.RtpReceived += OnRtp;
    }

    public long Packets => Interlocked.Read(ref packets);

    public long Bytes => Interlocked.Read(ref bytes);

    /// <summary>Latencies of the video packets received, in <see cref="Stopwatch"/> ticks.</summary>
    public List<long> Latencies()
    {
        lock (gate)
        {
            return [.. latencies];
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
            lock (gate)
            {
                latencies.Add(now - sent.Timestamp);
            }
        }
    }
}
