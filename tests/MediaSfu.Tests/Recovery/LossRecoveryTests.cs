using System.Buffers.Binary;
using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Tests.Recovery;

public sealed class LossRecoveryTests
{
    private const uint RtxSsrc = 0xABCD_0001;

    private readonly ManualClock clock = new();
    private readonly List<ushort[]> nacked = [];
    private readonly List<uint> keyframesAsked = [];
    private readonly LossRecovery recovery;

    public LossRecoveryTests() =>
        recovery = Recovery((ssrc, lost) =>
        {
            Assert.Equal(TestPackets.Ssrc, ssrc);
            nacked.Add(lost.ToArray());
        });

    [Fact]
    public void A_gap_is_nacked_upstream_and_the_publishers_rtx_fills_it_once()
    {
        Assert.True(Accept(TestPackets.Media(65534)));
        Assert.True(Accept(TestPackets.Media(1)));
        Assert.Equal([[65535, 0]], nacked);

        var rtx = RtxOf(TestPackets.Media(65535), rtxSequence: 500);
        Assert.True(RtpHeader.TryParse(rtx, out var header));
        Assert.True(recovery.TryUnwrap(rtx, header, out var length));
        Assert.Equal(TestPackets.Media(65535), rtx[..length]);
        Assert.True(Accept(rtx[..length]));
        Assert.False(Accept(TestPackets.Media(65535)));

        Assert.Equal(1, recovery.Counters.Repaired);
        Assert.Equal(1, recovery.Counters.Discarded);
        Assert.Equal(1, recovery.MissingUpstream);
        var kept = new byte[RetransmissionBuffer.SlotSize];
        Assert.Equal(TestPackets.Media(65535), kept[..recovery.CopyTo(65535, kept, out _)]);
    }

    [Fact]
    public void A_padding_only_rtx_probe_is_not_a_packet()
    {
        var probe = new byte[RtpHeader.FixedLength + 1];
        RtpPacketWriter.WriteFixedHeader(probe, TestPackets.Rtx, 9, 0, RtxSsrc);
        Assert.True(RtpHeader.TryParse(probe, out var header));

        Assert.False(recovery.TryUnwrap(probe, header, out _));
    }

    [Fact]
    public void A_packet_a_subscriber_misses_is_asked_for_with_the_streams_next_packet_and_only_once()
    {
        for (ushort sequence = 10; sequence < 20; sequence++)
        {
            Accept(TestPackets.Media(sequence));
        }

        recovery.Missed(3);
        recovery.Missed(3);
        Accept(TestPackets.Media(20));
        clock.Advance(TimeSpan.FromSeconds(0.5));
        Accept(TestPackets.Media(21));

        Assert.Equal([[3]], nacked);
        Assert.Equal(2, recovery.Counters.Misses);
    }

    [Fact]
    public void A_hole_a_subscriber_asked_for_and_the_publisher_never_filled_costs_a_key_frame_request_when_given_up()
    {
        Accept(TestPackets.Media(10));
        Accept(TestPackets.Media(13));
        recovery.Missed(12);
        for (ushort sequence = 14; sequence < 44; sequence++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(33));
            Accept(TestPackets.Media(sequence));
        }

        Assert.Empty(keyframesAsked);
        clock.Advance(TimeSpan.FromMilliseconds(33)); // the holes are now more than a second old: forgotten
        Accept(TestPackets.Media(44));

        Assert.Equal([TestPackets.Ssrc], keyframesAsked);
        Assert.Equal(1, recovery.Counters.Unrepaired);
        Assert.Equal(0, recovery.MissingUpstream);
    }

    [Fact]
    public void Keeping_forwarding_and_nacking_gaps_allocates_nothing_per_packet_even_across_the_wrap()
    {
        var nackedPackets = 0;
        var measured = Recovery((_, lost) => nackedPackets += lost.Length);
        var packets = Enumerable.Range(0, 64).Select(i => TestPackets.Media((ushort)i, payloadLength: 1100)).ToArray();
        var sequence = 0;
        void Run(int count)
        {
            for (var i = 0; i < count; i++, sequence++)
            {
                if (sequence % 50 == 7)
                {
                    continue; // lost on the way in: NACKed with the next packet
                }

                var packet = packets[sequence % packets.Length];
                BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)sequence);
                measured.Accept(packet, (ushort)sequence);
                clock.Advance(TimeSpan.FromMilliseconds(1));
            }
        }

        Run(20_000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(70_000);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        const int Lost = (20_000 + 70_000) / 50;
        Assert.InRange(nackedPackets, (3 * Lost) - 6, 3 * Lost); // three attempts each, the last ones' retries not due yet
    }

    private bool Accept(byte[] packet) => recovery.Accept(packet, BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(2)));

    private LossRecovery Recovery(Action<uint, ReadOnlyMemory<ushort>> nackUpstream) => new(
        TestPackets.Ssrc,
        new Dictionary<byte, byte> { [TestPackets.Vp8] = TestPackets.Rtx },
        LossRecoverySettings.Default,
        clock,
        nackUpstream,
        keyframesAsked.Add);

    private static byte[] RtxOf(byte[] original, ushort rtxSequence)
    {
        Assert.True(RtpHeader.TryParse(original, out var header));
        var rtx = new byte[original.Length + RtxPacket.OsnLength];
        RtxPacket.Wrap(original, header, rtx, RtxSsrc, TestPackets.Rtx, rtxSequence);
        return rtx;
    }
}
