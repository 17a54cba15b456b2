using BenchmarkDotNet.Attributes;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>The per-subscriber header work of forwarding: parse, rewrite SSRC/sequence/timestamp/PT, and the transport-cc sequence.</summary>
public class RtpBenchmarks : IBenchmark
{
    private byte[] packet = null!;
    private ushort sequence;

    [GlobalSetup]
    public void Setup() => packet = Packets.VideoPacket();

    public void Cleanup()
    {
    }

    [Benchmark]
    public int ParseAndRewrite()
    {
        if (!RtpHeader.TryParse(packet.AsSpan(0, Packets.RtpLength), out var header))
        {
            return -1;
        }

        RtpRewriter.SetSsrc(packet, header.Ssrc ^ 0x5555_5555);
        RtpRewriter.SetSequenceNumber(packet, ++sequence);
        RtpRewriter.SetTimestamp(packet, header.Timestamp + 3000);
        RtpRewriter.SetPayloadType(packet, 96);
        return header.PayloadOffset;
    }

    [Benchmark]
    public int ParseRewriteAndTransportSequence()
    {
        var span = packet.AsSpan(0, Packets.RtpLength);
        if (!RtpHeader.TryParse(span, out var header)
            || !RtpExtensionReader.TryFind(span, header, Packets.TransportCcId, out var element))
        {
            return -1;
        }

        RtpRewriter.SetSsrc(span, header.Ssrc ^ 0x5555_5555);
        RtpRewriter.SetSequenceNumber(span, ++sequence);
        RtpRewriter.SetTimestamp(span, header.Timestamp + 3000);
        RtpExtensionValues.WriteTransportSequence(element.ValueIn(span), sequence);
        return header.PayloadOffset;
    }
}
