using System.Diagnostics;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

public sealed class SrtpAllocationTests
{
    private const int MeasuredRoundTrips = 70_000; // crosses the sequence wrap once

    [Theory]
    [InlineData(SrtpProfile.Aes128CmHmacSha1_80)]
    [InlineData(SrtpProfile.AeadAes128Gcm)]
    public void Protect_and_unprotect_of_a_full_size_packet_allocate_nothing_even_across_the_rollover(SrtpProfile profile)
    {
        using var pair = new SrtpPair(profile);
        var buffer = SrtpPair.RtpPacket(0, payloadLength: 1176);
        var rtcp = SrtpPair.RtcpPacket();

        // Steady state only: while the JIT tiers the crypto path up, dynamic PGO's instrumented code allocates a few
        // hundred bytes once (measured: 480 B in AES-GCM unprotect around the 32,000th call, none with TieredPGO=0).
        var sequence = 0;
        var warmUp = Stopwatch.StartNew();
        while (warmUp.Elapsed < TimeSpan.FromSeconds(1.5) || sequence < 50_000)
        {
            RoundTrip(pair, buffer, rtcp, (ushort)sequence++);
        }

        // On a busy machine the tier-up can still land in a measured window: up to five windows, since an allocation per
        // packet would show in every one of them.
        var allocated = -1L;
        for (var window = 0; window < 5 && allocated != 0; window++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < MeasuredRoundTrips; i++)
            {
                RoundTrip(pair, buffer, rtcp, (ushort)sequence++);
            }

            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Assert.Equal(0, allocated);
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
