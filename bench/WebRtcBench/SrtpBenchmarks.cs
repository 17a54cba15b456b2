using BenchmarkDotNet.Attributes;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>
/// SRTP on a 1,200-byte packet. Unprotect needs a freshly protected packet each time (the replay window refuses
/// repeats), so it is measured as protect + unprotect; unprotect alone is the difference.
/// </summary>
public class SrtpBenchmarks : IBenchmark
{
    private SrtpSession client = null!;
    private SrtpSession server = null!;
    private byte[] packet = null!;
    private byte[] forged = null!;
    private int forgedLength;
    private ushort sequence;

    [Params(SrtpProfile.Aes128CmHmacSha1_80, SrtpProfile.AeadAes128Gcm)]
    public SrtpProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (client, server) = Packets.Sessions(Profile);
        packet = Packets.VideoPacket();
        forged = Packets.VideoPacket();
        forgedLength = client.ProtectRtp(forged, Packets.RtpLength).Length;
        forged[forgedLength - 1] ^= 1;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        client.Dispose();
        server.Dispose();
    }

    [Benchmark]
    public int Protect()
    {
        RtpRewriter.SetSequenceNumber(packet, ++sequence);
        return client.ProtectRtp(packet, Packets.RtpLength).Length;
    }

    [Benchmark]
    public int ProtectThenUnprotect()
    {
        RtpRewriter.SetSequenceNumber(packet, ++sequence);
        var sent = client.ProtectRtp(packet, Packets.RtpLength);
        return server.UnprotectRtp(packet.AsSpan(0, sent.Length)).Length;
    }

    /// <summary>The cost of dropping a packet whose tag does not verify (a flood of forgeries; .NET's AES-GCM throws on them).</summary>
    [Benchmark]
    public SrtpFailure UnprotectForged() => server.UnprotectRtp(forged.AsSpan(0, forgedLength)).Failure;
}
