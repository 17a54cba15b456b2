using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>The subscriber's view of a stream whose source changes: one SSRC, sequence numbers without gaps, timestamps that keep rising.</summary>
public sealed class OutgoingStreamTests
{
    private const uint Low = 0x1111;
    private const uint High = 0x2222;

    [Fact]
    public void The_first_source_passes_through_unchanged()
    {
        var stream = new OutgoingStream(0xABCD);

        Assert.True(stream.TryRewrite(Low, 500, 9000, arrivalClock: 0, startsSegment: false, out var sequence, out var timestamp));
        Assert.Equal((500, 9000u), (sequence, timestamp));
        Assert.True(stream.TryRewrite(Low, 501, 12000, 3000, false, out sequence, out timestamp));
        Assert.Equal((501, 12000u), (sequence, timestamp));
    }

    [Fact]
    public void Switching_layers_continues_the_sequence_and_advances_the_timestamp_by_the_time_between_packets()
    {
        var stream = new OutgoingStream(0xABCD);
        stream.TryRewrite(Low, 100, 1_000, 50_000, false, out _, out _);
        stream.TryRewrite(Low, 101, 4_000, 53_000, false, out var lastSequence, out var lastTimestamp);

        Assert.True(stream.TryRewrite(High, 40_000, 777_777, 56_000, startsSegment: true, out var sequence, out var timestamp));
        Assert.Equal(unchecked((ushort)(lastSequence + 1)), sequence);
        Assert.Equal(lastTimestamp + 3_000, timestamp);

        Assert.True(stream.TryRewrite(High, 40_001, 777_777 + 3_000, 59_000, false, out var next, out var nextTimestamp));
        Assert.Equal(unchecked((ushort)(sequence + 1)), next);
        Assert.Equal(timestamp + 3_000, nextTimestamp);
        Assert.Equal(High, stream.Source);
    }

    [Fact]
    public void Sequence_numbers_and_timestamps_wrap_without_a_jump_across_switches()
    {
        var stream = new OutgoingStream(1);
        var outgoing = new List<(ushort Sequence, uint Timestamp)>();
        void Send(uint source, ushort sequence, uint timestamp, long arrival, bool switching = false)
        {
            Assert.True(stream.TryRewrite(source, sequence, timestamp, arrival, switching, out var s, out var t));
            outgoing.Add((s, t));
        }

        // The first source sits just below both wrap points; the second just past them.
        for (var i = 0; i < 10; i++)
        {
            Send(Low, unchecked((ushort)(65_530 + i)), unchecked(uint.MaxValue - 10_000 + (uint)(i * 3000)), i * 3000);
        }

        Send(High, 3, 17, 30_000, switching: true);
        for (var i = 1; i < 10; i++)
        {
            Send(High, (ushort)(3 + i), (uint)(17 + (i * 3000)), 30_000 + (i * 3000));
        }

        Send(Low, 65_535, 5, 60_000, switching: true);
        Send(Low, 0, 3005, 63_000);

        for (var i = 1; i < outgoing.Count; i++)
        {
            Assert.Equal(unchecked((ushort)(outgoing[i - 1].Sequence + 1)), outgoing[i].Sequence);
            Assert.Equal(3000u, unchecked(outgoing[i].Timestamp - outgoing[i - 1].Timestamp));
        }
    }

    [Fact]
    public void A_late_packet_from_before_the_switch_point_of_the_new_source_is_dropped()
    {
        var stream = new OutgoingStream(1);
        stream.TryRewrite(Low, 10, 0, 0, false, out _, out _);
        stream.TryRewrite(High, 200, 0, 3000, true, out _, out _);

        Assert.False(stream.TryRewrite(High, 199, 0, 3100, false, out _, out _));
        Assert.True(stream.TryRewrite(High, 201, 0, 3200, false, out _, out _));
    }

    [Fact]
    public void An_outgoing_sequence_number_maps_back_to_the_source_packet_it_came_from()
    {
        var stream = new OutgoingStream(1);
        stream.TryRewrite(Low, 65_534, 0, 0, false, out var lowFirst, out _);
        stream.TryRewrite(Low, 65_535, 0, 10, false, out _, out _);
        stream.TryRewrite(High, 7, 0, 20, true, out var highFirst, out _);
        stream.TryRewrite(High, 8, 0, 30, false, out var highSecond, out _);

        Assert.True(stream.TryMapBack(lowFirst, out var source, out var sequence));
        Assert.Equal((Low, (ushort)65_534), (source, sequence));
        Assert.True(stream.TryMapBack(unchecked((ushort)(highFirst - 1)), out source, out sequence));
        Assert.Equal((Low, (ushort)65_535), (source, sequence));
        Assert.True(stream.TryMapBack(highSecond, out source, out sequence));
        Assert.Equal((High, (ushort)8), (source, sequence));
        Assert.False(stream.TryMapBack(unchecked((ushort)(highSecond + 1)), out _, out _));
    }

    [Fact]
    public void Sender_reports_extrapolate_the_outgoing_timeline()
    {
        var stream = new OutgoingStream(1);
        Assert.Null(stream.RtpTimeAt(0));
        stream.TryRewrite(Low, 1, 90_000, 1_000, false, out _, out _);

        Assert.Equal(90_000u + 4_500, stream.RtpTimeAt(5_500));
    }
}
