using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.WebRtc.Tests.Rtp;

public sealed class RtpHeaderTests
{
    // V=2 P=1 X=1 CC=2, M=1 PT=111, seq 0x1234, ts 0xDEADBEEF, SSRC 0x01020304, CSRCs 0xAAAAAAAA 0xBBBBBBBB,
    // one-byte extension of 1 word (id 1 = 0x42, padding), payload 01 02 03, 3 bytes of padding.
    internal static readonly byte[] Sample = Hex.Bytes(
        "B2EF1234 DEADBEEF 01020304 AAAAAAAA BBBBBBBB BEDE0001 10420000 010203 000003");

    [Fact]
    public void Every_field_and_offset_is_read()
    {
        Assert.True(RtpHeader.TryParse(Sample, out var header));

        Assert.True(header.HasPadding);
        Assert.True(header.HasExtension);
        Assert.Equal(2, header.CsrcCount);
        Assert.True(header.Marker);
        Assert.Equal(111, header.PayloadType);
        Assert.Equal(0x1234, header.SequenceNumber);
        Assert.Equal(0xDEADBEEFu, header.Timestamp);
        Assert.Equal(0x01020304u, header.Ssrc);
        Assert.Equal(0xBBBBBBBBu, header.GetCsrc(Sample, 1));
        Assert.Equal(0xBEDE, header.ExtensionProfile);
        Assert.Equal(24, header.ExtensionOffset);
        Assert.Equal(4, header.ExtensionLength);
        Assert.Equal(28, header.PayloadOffset);
        Assert.Equal([1, 2, 3], header.GetPayload(Sample).ToArray());
        Assert.Equal(3, header.PaddingLength);
    }

    [Fact]
    public void Rewrites_change_only_their_field_and_padding_can_be_dropped()
    {
        var packet = (byte[])Sample.Clone();
        Assert.True(RtpHeader.TryParse(packet, out var header));

        RtpRewriter.SetSsrc(packet, 0x99887766);
        RtpRewriter.SetSequenceNumber(packet, 65535);
        RtpRewriter.SetTimestamp(packet, 7);
        RtpRewriter.SetPayloadType(packet, 96);
        var length = RtpRewriter.RemovePadding(packet, header);

        Assert.True(RtpHeader.TryParse(packet.AsSpan(0, length), out var rewritten));
        Assert.Equal(
            header with { Ssrc = 0x99887766, SequenceNumber = 65535, Timestamp = 7, PayloadType = 96, HasPadding = false, PaddingLength = 0 },
            rewritten);
        Assert.True(rewritten.Marker);
        Assert.Equal(Sample[12..31], packet[12..31]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("806F1234 DEADBEEF 010203")] // short fixed header
    [InlineData("406F1234 DEADBEEF 01020304")] // version 1
    [InlineData("826F1234 DEADBEEF 01020304 AAAAAAAA")] // two CSRCs announced, one present
    [InlineData("906F1234 DEADBEEF 01020304 BEDE")] // extension word cut
    [InlineData("906F1234 DEADBEEF 01020304 BEDE0002 10420000")] // extension longer than the packet
    [InlineData("A06F1234 DEADBEEF 01020304 0102 00")] // padding count 0
    [InlineData("A06F1234 DEADBEEF 01020304 0102 09")] // more padding than payload
    public void Malformed_packets_do_not_parse(string hex)
    {
        Assert.False(RtpHeader.TryParse(Hex.Bytes(hex), out _));
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(3);
        var buffer = new byte[64];
        for (var i = 0; i < 20_000; i++)
        {
            random.NextBytes(buffer);
            buffer[0] = (byte)((buffer[0] & 0x3F) | 0x80);
            var packet = buffer.AsSpan(0, random.Next(buffer.Length));
            if (RtpHeader.TryParse(packet, out var header))
            {
                var reader = new RtpExtensionReader(packet, header);
                while (reader.TryRead(out var element))
                {
                    Assert.InRange(element.Offset + element.Length, 0, packet.Length);
                }

                _ = Vp8Descriptor.TryParse(header.GetPayload(packet), out _);
                _ = KeyframeDetector.IsH264Keyframe(header.GetPayload(packet));
                _ = KeyframeDetector.IsVp9Keyframe(header.GetPayload(packet));
            }
        }
    }
}
