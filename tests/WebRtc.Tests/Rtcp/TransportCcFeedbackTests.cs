using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.WebRtc.Tests.Rtcp;

public sealed class TransportCcFeedbackTests
{
    [Fact]
    public void A_one_bit_status_vector_with_small_deltas_is_read()
    {
        // base 100, 3 packets, reference time 1 (64 ms), fb count 5; vector 1 0 1; deltas 4 and 8 (1 ms, 2 ms)
        var bytes = Hex.Bytes("8FCD0005 00000001 00000002 00640003 00000105 A8000408");

        var statuses = Read(bytes, out var feedback);

        Assert.Equal((100, 3, 1, (byte)5), (feedback.BaseSequence, feedback.StatusCount, feedback.ReferenceTime, feedback.FeedbackCount));
        Assert.Equal([new(100, true, 65_000), new(101, false, 0), new(102, true, 67_000)], statuses);
    }

    [Fact]
    public void A_run_length_chunk_and_a_two_bit_vector_with_a_negative_delta_are_read()
    {
        // base 65535, 9 packets: run of 7 "small delta" (0x2007), then a 2-bit vector: large, small (0xE400);
        // deltas 1,1,1,1,1,1,1 then -4 (0xFFFC) then 2, then two zero bytes to the 32-bit boundary. Reference time -1.
        var bytes = Hex.Bytes("8FCD0008 00000001 00000002 FFFF0009 FFFFFF00 2007E400 01010101 010101FF FC020000");

        var statuses = Read(bytes, out _);

        Assert.Equal(9, statuses.Count);
        Assert.Equal((ushort)65535, statuses[0].Sequence);
        Assert.Equal((ushort)7, statuses[8].Sequence);
        Assert.Equal(-64_000 + 250, statuses[0].ArrivalMicroseconds);
        Assert.Equal(-64_000 + (7 * 250) - 1000, statuses[7].ArrivalMicroseconds);
        Assert.Equal(-64_000 + (7 * 250) - 1000 + 500, statuses[8].ArrivalMicroseconds);
    }

    [Fact]
    public void Built_feedback_reads_back_every_arrival_to_the_250_microsecond()
    {
        var random = new Random(11);
        var arrivals = new long[400];
        var now = 5_000_000L;
        for (var i = 0; i < arrivals.Length; i++)
        {
            // Runs of losses, bursts of back-to-back arrivals, gaps needing two-byte deltas, one reordering step back.
            now += i % 50 == 0 ? 100_000 : random.Next(0, 3000);
            arrivals[i] = i is >= 100 and < 130 || random.Next(20) == 0 ? TransportCcFeedbackWriter.Lost : now;
        }

        arrivals[200] = arrivals[199] - 2000;
        var bytes = RtcpTestPackets.Written(b => TransportCcFeedbackWriter.Write(b, 1, 2, 9, 65500, arrivals));

        Assert.Equal(0, bytes.Length % 4);
        var statuses = Read(bytes, out var feedback);
        Assert.Equal((65500, 400, (byte)9), (feedback.BaseSequence, feedback.StatusCount, feedback.FeedbackCount));
        for (var i = 0; i < arrivals.Length; i++)
        {
            Assert.Equal((ushort)(65500 + i), statuses[i].Sequence);
            Assert.Equal(arrivals[i] != TransportCcFeedbackWriter.Lost, statuses[i].Received);
            if (statuses[i].Received)
            {
                Assert.Equal(arrivals[i] / 250 * 250, statuses[i].ArrivalMicroseconds);
            }
        }
    }

    [Fact]
    public void Feedback_that_cannot_be_expressed_is_refused()
    {
        var buffer = new byte[1500];

        Assert.Equal(-1, TransportCcFeedbackWriter.Write(buffer, 1, 2, 0, 0, [TransportCcFeedbackWriter.Lost]));
        Assert.Equal(-1, TransportCcFeedbackWriter.Write(buffer, 1, 2, 0, 0, [0, 9_000_000]));
        Assert.Equal(-1, TransportCcFeedbackWriter.Write(new byte[20], 1, 2, 0, 0, [0, 1000, 2000]));
    }

    [Theory]
    [InlineData("8FCD0004 00000001 00000002 00640003 00000105")] // no chunk for 3 statuses
    [InlineData("AFCD0005 00000001 00000002 00640003 00000105 A8000401")] // two deltas needed, one left after padding
    [InlineData("8FCD0005 00000001 00000002 00640001 00000105 60010000")] // reserved status 3
    public void Truncated_or_invalid_feedback_does_not_parse(string hex)
    {
        Assert.False(TransportCcFeedback.TryParse(RtcpTestPackets.Feedback(Hex.Bytes(hex)), out _));
    }

    private static List<TransportCcPacketStatus> Read(byte[] bytes, out TransportCcFeedback feedback)
    {
        Assert.True(TransportCcFeedback.TryParse(RtcpTestPackets.Feedback(bytes), out feedback));
        var reader = feedback.GetReader();
        var statuses = new List<TransportCcPacketStatus>();
        while (reader.TryRead(out var status))
        {
            statuses.Add(status);
        }

        return statuses;
    }
}
