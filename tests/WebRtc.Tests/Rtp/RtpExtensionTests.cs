using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.WebRtc.Tests.Rtp;

public sealed class RtpExtensionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Written_elements_read_back_with_their_typed_values(bool twoByte)
    {
        var packet = new byte[200];
        var offset = RtpPacketWriter.WriteFixedHeader(packet, 96, 1, 2, 3, hasExtension: true);
        var writer = new RtpExtensionWriter(packet.AsSpan(offset), twoByte);
        Span<byte> scratch = stackalloc byte[3];
        Assert.True(writer.TryAdd(1, RtpExtensionValues.IdentifierBytes("0")));
        Assert.True(writer.TryAdd(2, RtpExtensionValues.IdentifierBytes("hi")));
        RtpExtensionValues.WriteAbsSendTime(scratch, RtpExtensionValues.ToAbsSendTime(TimeSpan.FromSeconds(1.5)));
        Assert.True(writer.TryAdd(3, scratch));
        RtpExtensionValues.WriteTransportSequence(scratch, 4242);
        Assert.True(writer.TryAdd(4, scratch[..2]));
        RtpExtensionValues.WriteAudioLevel(scratch, voice: true, level: 30);
        Assert.True(writer.TryAdd(5, scratch[..1]));
        var length = offset + writer.Finish() + 1;

        Assert.True(RtpHeader.TryParse(packet.AsSpan(0, length), out var header));
        Assert.Equal(0, header.ExtensionLength % 4);
        Assert.Equal(length - 1, header.PayloadOffset);
        Assert.True(RtpExtensionReader.TryFind(packet, header, 1, out var mid));
        Assert.True(RtpExtensionValues.IdentifierEquals(mid.ValueIn((ReadOnlySpan<byte>)packet), "0"));
        Assert.True(RtpExtensionReader.TryFind(packet, header, 2, out var rid));
        Assert.Equal("hi", RtpExtensionValues.ReadIdentifier(rid.ValueIn((ReadOnlySpan<byte>)packet)));
        Assert.True(RtpExtensionReader.TryFind(packet, header, 3, out var abs));
        Assert.Equal(TimeSpan.FromSeconds(1.5), RtpExtensionValues.FromAbsSendTime(RtpExtensionValues.ReadAbsSendTime(abs.ValueIn((ReadOnlySpan<byte>)packet))));
        Assert.True(RtpExtensionReader.TryFind(packet, header, 4, out var twcc));
        Assert.Equal(4242, RtpExtensionValues.ReadTransportSequence(twcc.ValueIn((ReadOnlySpan<byte>)packet)));
        Assert.True(RtpExtensionReader.TryFind(packet, header, 5, out var level));
        Assert.Equal((true, (byte)30), RtpExtensionValues.ReadAudioLevel(level.ValueIn((ReadOnlySpan<byte>)packet)));
        Assert.False(RtpExtensionReader.TryFind(packet, header, 6, out _));
    }

    [Fact]
    public void A_transport_sequence_is_rewritten_in_place()
    {
        var packet = Hex.Bytes("90600001 00000002 00000003 BEDE0001 31000700 AA");
        Assert.True(RtpHeader.TryParse(packet, out var header));
        Assert.True(RtpExtensionReader.TryFind(packet, header, 3, out var element));

        RtpExtensionValues.WriteTransportSequence(element.ValueIn(packet.AsSpan()), 0xBEEF);

        Assert.Equal(Hex.Bytes("90600001 00000002 00000003 BEDE0001 31BEEF00 AA"), packet);
    }

    [Fact]
    public void Two_byte_form_carries_ids_above_14_and_empty_values()
    {
        var block = new byte[16];
        var writer = new RtpExtensionWriter(block, twoByte: true);
        Assert.True(writer.TryAdd(200, []));
        Assert.True(writer.TryAdd(15, [7, 8]));
        Assert.Equal(12, writer.Finish());

        Assert.Equal(Hex.Bytes("10000002 C8000F02 07080000"), block[..12]);
    }

    [Fact]
    public void One_byte_form_refuses_what_it_cannot_express()
    {
        var writer = new RtpExtensionWriter(new byte[64], twoByte: false);

        Assert.False(writer.TryAdd(15, [1]));
        Assert.False(writer.TryAdd(0, [1]));
        Assert.False(writer.TryAdd(1, []));
        Assert.False(writer.TryAdd(1, new byte[17]));
    }

    [Fact]
    public void Padding_is_skipped_and_id_15_stops_one_byte_parsing()
    {
        var packet = Hex.Bytes("90600001 00000002 00000003 BEDE0002 00001011 F0204400");
        Assert.True(RtpHeader.TryParse(packet, out var header));
        var reader = new RtpExtensionReader(packet, header);

        Assert.True(reader.TryRead(out var first));
        Assert.Equal(new RtpExtensionElement(1, 19, 1), first);
        Assert.False(reader.TryRead(out _));
        Assert.False(reader.IsMalformed);
    }

    [Fact]
    public void An_element_overrunning_the_block_is_malformed()
    {
        var packet = Hex.Bytes("90600001 00000002 00000003 BEDE0001 10AA3F00");
        Assert.True(RtpHeader.TryParse(packet, out var header));
        var reader = new RtpExtensionReader(packet, header);

        Assert.True(reader.TryRead(out _));
        Assert.False(reader.TryRead(out _));
        Assert.True(reader.IsMalformed);
    }
}
