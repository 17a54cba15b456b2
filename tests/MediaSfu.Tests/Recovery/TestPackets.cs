using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Tests.Recovery;

/// <summary>Small VP8-typed RTP packets whose payload names their sequence number.</summary>
public static class TestPackets
{
    public const byte Vp8 = 96;
    public const byte Rtx = 97;
    public const uint Ssrc = 0x1234_5678;

    public static byte[] Media(ushort sequence, int payloadLength = 100)
    {
        var packet = new byte[RtpHeader.FixedLength + payloadLength];
        RtpPacketWriter.WriteFixedHeader(packet, Vp8, sequence, timestamp: sequence * 3000u, Ssrc);
        packet.AsSpan(RtpHeader.FixedLength).Fill((byte)sequence);
        packet[RtpHeader.FixedLength] = (byte)(sequence >> 8);
        return packet;
    }
}
