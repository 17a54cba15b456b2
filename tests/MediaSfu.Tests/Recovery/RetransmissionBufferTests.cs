using WebRtcChat.MediaSfu.Media.Recovery;

namespace WebRtcChat.MediaSfu.Tests.Recovery;

public sealed class RetransmissionBufferTests
{
    private readonly ManualClock clock = new();

    [Fact]
    public void Packets_on_both_sides_of_the_65535_to_0_wrap_are_kept_apart_and_read_back_by_their_16_bit_numbers()
    {
        var sequences = new ExtendedSequence();
        var buffer = new RetransmissionBuffer(64, TimeSpan.FromSeconds(1), clock);
        ushort[] sent = [65530, 65531, 65532, 65533, 65534, 65535, 0, 1, 2, 3, 4, 5];
        foreach (var sequence in sent)
        {
            Assert.Equal(StoreOutcome.Stored, buffer.Store(TestPackets.Media(sequence), sequences.Extend(sequence)));
        }

        Assert.Equal(sequences.Nearest(65535) + 1, sequences.Nearest(0));
        var destination = new byte[RetransmissionBuffer.SlotSize];
        foreach (var sequence in sent)
        {
            var length = buffer.CopyTo(sequences.Nearest(sequence), destination);
            Assert.Equal(TestPackets.Media(sequence), destination[..length]);
        }
    }

    [Fact]
    public void A_full_buffer_forgets_its_oldest_packets_and_refuses_ones_older_than_it_reaches()
    {
        var buffer = new RetransmissionBuffer(16, TimeSpan.FromSeconds(1), clock);
        for (var sequence = 100; sequence < 120; sequence++)
        {
            buffer.Store(TestPackets.Media((ushort)sequence), sequence);
        }

        var destination = new byte[RetransmissionBuffer.SlotSize];
        Assert.All(Enumerable.Range(100, 4), gone => Assert.Equal(0, buffer.CopyTo(gone, destination)));
        Assert.All(Enumerable.Range(104, 16), kept => Assert.NotEqual(0, buffer.CopyTo(kept, destination)));
        Assert.Equal(StoreOutcome.TooOld, buffer.Store(TestPackets.Media(103), 103));
        Assert.Equal(StoreOutcome.Duplicate, buffer.Store(TestPackets.Media(110), 110));
    }

    [Fact]
    public void A_kept_packet_older_than_the_age_limit_is_not_resent()
    {
        var buffer = new RetransmissionBuffer(16, TimeSpan.FromMilliseconds(1000), clock);
        buffer.Store(TestPackets.Media(7), 7);
        var destination = new byte[RetransmissionBuffer.SlotSize];

        clock.Advance(TimeSpan.FromMilliseconds(1000));
        Assert.NotEqual(0, buffer.CopyTo(7, destination));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, buffer.CopyTo(7, destination));
    }

    [Fact]
    public void A_packet_larger_than_a_slot_is_remembered_as_seen_but_not_kept()
    {
        var buffer = new RetransmissionBuffer(16, TimeSpan.FromSeconds(1), clock);
        var large = TestPackets.Media(9, payloadLength: RetransmissionBuffer.SlotSize);

        Assert.Equal(StoreOutcome.Stored, buffer.Store(large, 9));
        Assert.Equal(StoreOutcome.Duplicate, buffer.Store(large, 9));
        Assert.Equal(0, buffer.CopyTo(9, new byte[RetransmissionBuffer.SlotSize]));
    }
}
