using System.Diagnostics;
using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// Sends one looping clip as one RTP stream of a publisher, each frame when its timestamp falls due (the clip's own
/// pacing), starting at <paramref name="firstFrame"/> and <paramref name="phase"/> after the pump starts (the
/// publisher's capture clock: independent cameras are not in step); the RTP timestamp keeps rising across loops. With a
/// <paramref name="pacer"/> the packets wait in a queue and leave as it allows; without, each frame leaves at once. A
/// simulcast layer's packets carry the mid and its <paramref name="rid"/> in header extensions.
/// </summary>
public sealed class TrackSender(ClientPeer peer, uint ssrc, byte payloadType, MediaClip clip, IPacketizer packetizer, int firstFrame, TimeSpan phase, SendLog log, Pacer? pacer = null, string? rid = null)
{
    private const int PacketSize = 1_500;

    private readonly byte[] payload = new byte[1_400];
    private readonly Queue<(byte[] Packet, int HeaderLength, int Length)> queued = new();
    private readonly byte[]? mid = rid is null ? null : RtpExtensionValues.IdentifierBytes(SimulcastPublishing.VideoMid);
    private readonly byte[]? ridBytes = rid is null ? null : RtpExtensionValues.IdentifierBytes(rid);
    private readonly Stack<byte[]> spare = new();
    private readonly bool video = clip.ClockRate == 90_000;
    private readonly uint timestampBase = (uint)Random.Shared.Next();
    private int frame = firstFrame % clip.Frames.Count;
    private long loops;
    private ushort sequence = (ushort)Random.Shared.Next();
    private long startTimestamp;
    private long packets;

    /// <summary>Packets sent while <see cref="SendLog.Recording"/> was on.</summary>
    public long PacketsInWindow => Interlocked.Read(ref packets);

    public void Start(long now) => startTimestamp = now + (long)(phase.TotalSeconds * Stopwatch.Frequency) - (Offset(frame) * Stopwatch.Frequency / clip.ClockRate);

    /// <summary>Queues every frame whose time has come by <paramref name="now"/>, then sends what the pacer allows (all without one).</summary>
    public void SendDue(long now)
    {
        while (startTimestamp + Offset(frame) * Stopwatch.Frequency / clip.ClockRate <= now)
        {
            var rtpTimestamp = (uint)(timestampBase + Offset(frame));
            packetizer.Packetize(clip.Frames[frame].Data, payload, (chunk, last) => Queue(chunk, last, rtpTimestamp));
            if (++frame == clip.Frames.Count)
            {
                frame = 0;
                loops++;
            }
        }

        pacer?.Refill(now);
        while (queued.Count > 0 && (pacer is null || pacer.CanSend))
        {
            var (packet, headerLength, length) = queued.Dequeue();
            Send(packet.AsSpan(0, length), headerLength);
            pacer?.Spend(length);
            spare.Push(packet);
        }
    }

    /// <summary>The frame's time from the clip's first pass's start, in clock units, across loops.</summary>
    private long Offset(int index) => (loops * clip.Duration) + clip.Frames[index].Timestamp;

    private void Queue(ReadOnlySpan<byte> chunk, bool last, uint rtpTimestamp)
    {
        var packet = spare.Count > 0 ? spare.Pop() : new byte[PacketSize];
        var length = RtpPacketWriter.WriteFixedHeader(packet, payloadType, sequence++, rtpTimestamp, ssrc, marker: video && last, hasExtension: ridBytes is not null);
        if (ridBytes is not null)
        {
            var extension = new RtpExtensionWriter(packet.AsSpan(length), twoByte: false);
            extension.TryAdd(SimulcastPublishing.MidExtension, mid);
            extension.TryAdd(SimulcastPublishing.RidExtension, ridBytes);
            length += extension.Finish();
        }

        chunk.CopyTo(packet.AsSpan(length));
        queued.Enqueue((packet, length, length + chunk.Length));
    }

    private void Send(ReadOnlySpan<byte> packet, int headerLength)
    {
        log.Sent(packet[headerLength..], Stopwatch.GetTimestamp(), video);
        peer.SendRtp(packet);
        if (log.Recording)
        {
            Interlocked.Increment(ref packets);
        }
    }
}
