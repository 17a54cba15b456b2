using System.Buffers.Binary;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

/// <summary>A DTLS client's and a DTLS server's session under the same exported keys, and packets to send between them.</summary>
internal sealed class SrtpPair : IDisposable
{
    public const uint Ssrc = 0x11223344;

    public static TheoryData<SrtpProfile> Profiles => [SrtpProfile.Aes128CmHmacSha1_80, SrtpProfile.AeadAes128Gcm];

    public SrtpPair(SrtpProfile profile)
    {
        var keyLength = profile.MasterKeyLength();
        var saltLength = profile.MasterSaltLength();
        var keys = new SrtpKeys(
            profile,
            Enumerable.Range(1, keyLength).Select(i => (byte)i).ToArray(),
            Enumerable.Range(50, saltLength).Select(i => (byte)i).ToArray(),
            Enumerable.Range(100, keyLength).Select(i => (byte)i).ToArray(),
            Enumerable.Range(150, saltLength).Select(i => (byte)i).ToArray());
        Client = SrtpSession.Create(keys, isDtlsClient: true);
        Server = SrtpSession.Create(keys, isDtlsClient: false);
    }

    public SrtpSession Client { get; }

    public SrtpSession Server { get; }

    /// <summary>An RTP packet (one CSRC, a one-byte extension) with a recognisable payload, in a buffer with room for the tag.</summary>
    public static byte[] RtpPacket(ushort sequence, int payloadLength = 100, uint ssrc = Ssrc)
    {
        var packet = new byte[12 + 4 + 8 + payloadLength + 32];
        packet[0] = 0x91; // V=2, X=1, CC=1
        packet[1] = 96;
        BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), sequence);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), sequence * 960u);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(12), 0xCAFEBABE);
        packet[16] = 0xBE;
        packet[17] = 0xDE;
        packet[19] = 1;
        packet[20] = 0x10; // id 1, one byte
        packet[21] = 0x42;
        for (var i = 0; i < payloadLength; i++)
        {
            packet[24 + i] = (byte)(i + sequence);
        }

        return packet;
    }

    public static int RtpLength(int payloadLength = 100) => 24 + payloadLength;

    /// <summary>A receiver report from <paramref name="ssrc"/> with one report block.</summary>
    public static byte[] RtcpPacket(uint ssrc = Ssrc)
    {
        var packet = new byte[32 + 32];
        packet[0] = 0x81;
        packet[1] = 201;
        packet[3] = 7;
        BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), ssrc);
        for (var i = 8; i < 32; i++)
        {
            packet[i] = (byte)i;
        }

        return packet;
    }

    public const int RtcpLength = 32;

    /// <summary>Protects a packet with the client and returns the protected bytes.</summary>
    public byte[] ProtectRtp(ushort sequence, uint ssrc = Ssrc)
    {
        var packet = RtpPacket(sequence, ssrc: ssrc);
        var result = Client.ProtectRtp(packet, RtpLength());
        Assert.True(result.IsSuccess, result.Failure.ToString());
        return packet[..result.Length];
    }

    public SrtpResult ServerUnprotects(byte[] protectedPacket) => Server.UnprotectRtp((byte[])protectedPacket.Clone());

    public void Dispose()
    {
        Client.Dispose();
        Server.Dispose();
    }
}
