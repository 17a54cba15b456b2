using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

public sealed class SrtpAllocationTests
{
    [Theory]
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80)]
    [InlineData(SrtpProfile.AeadAes128Gcm)]
    public void Protect_and_unprotect_of_a_full_size_packet_allocate_nothing(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var buffer = SrtpPair.RtpPacket(0, payloadLength: 1176);
        var rtcp = SrtpPair.RtcpPacket();
        RoundTrip(pair, buffer, rtcp, 0); // the first packet of a stream creates its state

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (ushort sequence = 1; sequence <= 200; sequence++)
        {
            RoundTrip(pair, buffer, rtcp, sequence);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void RoundTrip(SrtpPair pair, byte[] buffer, byte[] rtcp, ushort sequence)
    {
        buffer[2] = (byte)(sequence >> 8);
        buffer[3] = (byte)sequence;
        var sent = pair.Client.ProtectRtp(buffer, 1200);
        Assert.True(pair.Server.UnprotectRtp(buffer.AsSpan(0, sent.Length)).IsSuccess);
        var sentRtcp = pair.Client.ProtectRtcp(rtcp, SrtpPair.RtcpLength);
        Assert.True(pair.Server.UnprotectRtcp(rtcp.AsSpan(0, sentRtcp.Length)).IsSuccess);
    }
}
