using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.WebRtc.Tests.Rtcp;

public sealed class RtcpCompoundTests
{
    [Fact]
    public void A_compound_of_sr_sdes_and_bye_is_read_packet_by_packet()
    {
        var buffer = new byte[200];
        var length = SenderReport.Write(buffer, 1, new SenderInfo(1, 2, 3, 4), []);
        length += SourceDescription.WriteCname(buffer.AsSpan(length), 1, "cname");
        length += Goodbye.Write(buffer.AsSpan(length), [1u]);

        var reader = new RtcpCompoundReader(buffer.AsSpan(0, length));
        var types = new List<byte>();
        while (reader.TryRead(out var packet))
        {
            types.Add(packet.Type);
        }

        Assert.False(reader.IsMalformed);
        Assert.Equal([RtcpPacketType.SenderReport, RtcpPacketType.SourceDescription, RtcpPacketType.Goodbye], types);
    }

    [Fact]
    public void A_reduced_size_single_feedback_packet_is_accepted()
    {
        Assert.True(RtcpCompoundReader.IsValid(Hex.Bytes("81CE0002 11111111 22222222")));
    }

    [Fact]
    public void Padding_is_removed_from_the_body()
    {
        var packet = RtcpTestPackets.Single(Hex.Bytes("A1CB0002 00000001 00000003"));

        Assert.Equal(Hex.Bytes("00000001 00"), packet.Body.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("81C9")] // short header
    [InlineData("41C90001 11111111")] // version 1
    [InlineData("81C90002 11111111")] // length beyond the datagram
    [InlineData("A1CB0001 00000000")] // padding count 0
    [InlineData("A1CB0001 00000009")] // padding longer than the body
    [InlineData("81CE0002 11111111 22222222 81")] // a valid packet followed by a stray byte
    public void Malformed_compounds_are_flagged(string hex)
    {
        Assert.False(RtcpCompoundReader.IsValid(Hex.Bytes(hex)));
    }

    [Fact]
    public void Random_bytes_never_throw_from_any_parser()
    {
        var random = new Random(5);
        var buffer = new byte[120];
        Span<ushort> lost = stackalloc ushort[600];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)(0x80 | (buffer[0] & 0x3F));
            buffer[1] = (byte)(200 + (buffer[1] % 7));
            buffer[2] = 0;
            buffer[3] = (byte)(buffer[3] % 32);
            var reader = new RtcpCompoundReader(buffer.AsSpan(0, random.Next(buffer.Length)));
            while (reader.TryRead(out var packet))
            {
                _ = SenderReport.TryParse(packet, out _);
                _ = ReceiverReport.TryParse(packet, out _);
                _ = SourceDescription.TryReadItems(packet, (_, _, _) => { });
                _ = Goodbye.TryParse(packet, out _);
                if (RtcpFeedback.TryParse(packet, out var feedback))
                {
                    _ = GenericNack.ExpandLost(feedback, lost);
                    _ = ReceiverEstimatedMaximumBitrate.TryParse(feedback, out _, out _);
                    if (TransportCcFeedback.TryParse(feedback, out var twcc))
                    {
                        var statuses = twcc.GetReader();
                        while (statuses.TryRead(out _))
                        {
                        }
                    }
                }
            }
        }
    }
}
