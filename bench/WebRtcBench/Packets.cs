using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>What the benchmarks share: a video-sized RTP packet as Chrome sends it, and keyed session pairs.</summary>
internal static class Packets
{
    public const int RtpLength = 1200;
    public const int TransportCcId = 3;

    /// <summary>A 1,200-byte VP8 packet with mid, abs-send-time and transport-cc extensions, in a buffer with room for any tag.</summary>
    public static byte[] VideoPacket()
    {
        var packet = new byte[RtpLength + 64];
        var offset = RtpPacketWriter.WriteFixedHeader(packet, 96, 1, 3000, 0x1111_2222, hasExtension: true);
        var extensions = new RtpExtensionWriter(packet.AsSpan(offset), twoByte: false);
        extensions.TryAdd(1, "0"u8);
        extensions.TryAdd(2, [1, 2, 3]);
        extensions.TryAdd(TransportCcId, [0, 1]);
        offset += extensions.Finish();
        Random.Shared.NextBytes(packet.AsSpan(offset, RtpLength - offset));
        return packet;
    }

    public static (SrtpSession Client, SrtpSession Server) Sessions(SrtpProfile profile)
    {
        var key = new byte[profile.MasterKeyLength()];
        var salt = new byte[profile.MasterSaltLength()];
        Random.Shared.NextBytes(key);
        Random.Shared.NextBytes(salt);
        var keys = new SrtpKeys(profile, key, salt, key.Reverse().ToArray(), salt.Reverse().ToArray());
        return (SrtpSession.Create(keys, isDtlsClient: true), SrtpSession.Create(keys, isDtlsClient: false));
    }
}
