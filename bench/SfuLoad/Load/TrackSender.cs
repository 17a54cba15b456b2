using System.Diagnostics;
using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// Sends one looping clip as one RTP stream of a publisher, each frame when its timestamp falls due (the clip's own
/// pacing), starting at <paramref name="firstFrame"/>; the RTP timestamp keeps rising across loops.
/// </summary>
public sealed class TrackSender(ClientPeer peer, uint ssrc, byte payloadType, MediaClip clip, IPacketizer packetizer, int firstFrame, SendLog log)
{
    private readonly byte[] packet = new byte[1_500];
    private readonly byte[] payload = new byte[1_400];
    private readonly bool video = clip.ClockRate == 90_000;
    private readonly uint timestampBase = (uint)Random.Shared.Next();
    private int frame = firstFrame % clip.Frames.Count;
    private long loops;
    private ushort sequence = (ushort)Random.Shared.Next();
    private long startTimestamp;
    private long packets;

    /// <summary>Packets sent while <see cref="SendLog.Recording"/> was on.</summary>
    public long PacketsInWindow => Interlocked.Read(ref packets);

    public void Start(long now) => startTimestamp = now - Offset(frame) * Stopwatch.Frequency / clip.ClockRate;

    /// <summary>Sends every frame whose time has come by <paramref name="now"/>.</summary>
    public void SendDue(long now)
    {
        while (startTimestamp + Offset(frame) * Stopwatch.Frequency / clip.ClockRate <= now)
        {
            var rtpTimestamp = (uint)(timestampBase + Offset(frame));
            packetizer.Packetize(clip.Frames[frame].Data, payload, (chunk, last) => Send(chunk, last, rtpTimestamp));
            if (++frame == clip.Frames.Count)
            {
                frame = 0;
                loops++;
            }
        }
    }

    /// <summary>The frame's time from the clip's first pass's start, in clock units, across loops.</summary>
    private long Offset(int index) => (loops * clip.Duration) + clip.Frames[index].Timestamp;

    private void Send(ReadOnlySpan<byte> chunk, bool last, uint rtpTimestamp)
    {
        var length = RtpPacketWriter.WriteFixedHeader(packet, payloadType, sequence++, rtpTimestamp, ssrc, marker: video && last);
        chunk.CopyTo(packet.AsSpan(length));
        log.Sent(chunk, Stopwatch.GetTimestamp(), video);
        peer.SendRtp(packet.AsSpan(0, length + chunk.Length));
        if (log.Recording)
        {
            Interlocked.Increment(ref packets);
        }
    }
}
