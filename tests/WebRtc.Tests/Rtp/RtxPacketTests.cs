using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.WebRtc.Tests.Rtp;

public sealed class RtxPacketTests
{
    [Fact]
    public void Wrap_then_unwrap_restores_the_original_without_padding()
    {
        var original = RtpHeaderTests.Sample;
        Assert.True(RtpHeader.TryParse(original, out var header));
        var rtx = new byte[100];

        var rtxLength = RtxPacket.Wrap(original, header, rtx, rtxSsrc: 0x55667788, rtxPayloadType: 97, rtxSequenceNumber: 9);

        Assert.True(RtpHeader.TryParse(rtx.AsSpan(0, rtxLength), out var rtxHeader));
        Assert.Equal((0x55667788u, (byte)97, (ushort)9, false), (rtxHeader.Ssrc, rtxHeader.PayloadType, rtxHeader.SequenceNumber, rtxHeader.HasPadding));
        Assert.Equal([0x12, 0x34, 1, 2, 3], rtxHeader.GetPayload(rtx.AsSpan(0, rtxLength)).ToArray());

        var length = RtxPacket.Unwrap(rtx, rtxHeader, header.Ssrc, header.PayloadType);
        Assert.True(RtpHeader.TryParse(rtx.AsSpan(0, length), out var restored));
        Assert.Equal(header with { HasPadding = false, PaddingLength = 0 }, restored);
        Assert.Equal([1, 2, 3], restored.GetPayload(rtx.AsSpan(0, length)).ToArray());
    }

    [Fact]
    public void A_padding_only_probe_has_nothing_to_unwrap()
    {
        var probe = Hex.Bytes("A0610001 00000002 00000003 00000004");
        Assert.True(RtpHeader.TryParse(probe, out var header));

        Assert.Equal(-1, RtxPacket.Unwrap(probe, header, 1, 96));
    }

    [Fact]
    public void Wrap_refuses_a_destination_that_is_too_small()
    {
        Assert.True(RtpHeader.TryParse(RtpHeaderTests.Sample, out var header));

        Assert.Equal(-1, RtxPacket.Wrap(RtpHeaderTests.Sample, header, new byte[32], 1, 97, 1));
    }
}
