using BenchmarkDotNet.Attributes;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.Bench.WebRtc;

/// <summary>
/// One packet from a publisher through the SFU to one subscriber: the publisher protects it (the part that is not the
/// SFU's: subtract <see cref="SrtpBenchmarks.Protect"/>), the SFU unprotects, rewrites the header and protects it for
/// the subscriber. No sockets: the crypto and header cost of forwarding.
/// </summary>
public class ForwardingBenchmarks : IBenchmark
{
    private SrtpSession publisher = null!;
    private SrtpSession sfuFromPublisher = null!;
    private SrtpSession sfuToSubscriber = null!;
    private SrtpSession subscriber = null!;
    private byte[] packet = null!;
    private ushort sequence;

    [Params(SrtpProfile.Aes128CmHmacSha1_80, SrtpProfile.AeadAes128Gcm)]
    public SrtpProfile Profile { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (publisher, sfuFromPublisher) = Packets.Sessions(Profile);
        (subscriber, sfuToSubscriber) = Packets.Sessions(Profile);
        packet = Packets.VideoPacket();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        publisher.Dispose();
        sfuFromPublisher.Dispose();
        sfuToSubscriber.Dispose();
        subscriber.Dispose();
    }

    [Benchmark]
    public int PublishAndForwardToOneSubscriber()
    {
        RtpRewriter.SetSequenceNumber(packet, ++sequence);
        RtpRewriter.SetSsrc(packet, 0x1111_2222);
        var published = publisher.ProtectRtp(packet, Packets.RtpLength);
        var received = sfuFromPublisher.UnprotectRtp(packet.AsSpan(0, published.Length));
        if (!received.IsSuccess || !RtpHeader.TryParse(packet.AsSpan(0, received.Length), out var header))
        {
            return -1;
        }

        RtpRewriter.SetSsrc(packet, 0x3333_4444);
        RtpRewriter.SetSequenceNumber(packet, (ushort)(header.SequenceNumber + 100));
        RtpRewriter.SetTimestamp(packet, header.Timestamp + 9000);
        return sfuToSubscriber.ProtectRtp(packet, received.Length).Length;
    }
}
