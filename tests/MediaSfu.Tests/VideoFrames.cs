using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// VP8-shaped video at a steady frame rate: each frame a few packets, the last with the marker bit, every
/// <see cref="KeyframeEvery"/>-th frame a key frame (VP8 payload descriptor with S set, partition 0, P bit clear).
/// </summary>
public sealed class VideoFrames(ClientPeer peer, uint ssrc)
{
    public const int PacketsPerFrame = 3;
    public const int KeyframeEvery = 30;
    public const int PacketLength = RtpHeader.FixedLength + 600;

    private ushort sequence;

    public int FramesSent { get; private set; }

    public int KeyframesSent { get; private set; }

    public async Task SendAsync(int frames, int framesPerSecond)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / framesPerSecond));
        for (var i = 0; i < frames && await timer.WaitForNextTickAsync(); i++)
        {
            SendFrame(key: FramesSent % KeyframeEvery == 0);
        }
    }

    private void SendFrame(bool key)
    {
        var packet = new byte[PacketLength];
        for (var i = 0; i < PacketsPerFrame; i++)
        {
            var last = i == PacketsPerFrame - 1;
            RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.Vp8PayloadType, sequence++, (uint)(3000 * FramesSent), ssrc, marker: last);
            packet[RtpHeader.FixedLength] = (byte)(i == 0 ? 0x10 : 0x00);
            packet[RtpHeader.FixedLength + 1] = (byte)(key ? 0x00 : 0x01);
            peer.SendRtp(packet);
        }

        FramesSent++;
        KeyframesSent += key ? 1 : 0;
    }
}
