using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.WebRtc.Tests.Rtp;

public sealed class PayloadDescriptorTests
{
    [Fact]
    public void Vp8_descriptor_with_every_field_and_a_key_frame()
    {
        // X S PID0 | I L T K | M + 15-bit picture id 0x1234 | TL0PICIDX 9 | TID 2, Y, KEYIDX 5 | frame header P=0
        var payload = Hex.Bytes("90 F0 9234 09 A5 10");

        Assert.True(Vp8Descriptor.TryParse(payload, out var d));
        Assert.Equal(
            new Vp8Descriptor
            {
                IsStartOfPartition = true, PartitionId = 0, PictureId = 0x1234, HasLongPictureId = true, PictureIdOffset = 2,
                Tl0PicIdx = 9, Tl0PicIdxOffset = 4, TemporalLayer = 2, IsLayerSync = true, KeyIndex = 5, Length = 6, IsKeyframe = true,
            },
            d);
    }

    [Fact]
    public void Vp8_interframe_and_continuation_packets_are_not_key_frames()
    {
        Assert.True(Vp8Descriptor.TryParse(Hex.Bytes("90 80 05 01"), out var inter));
        Assert.Equal((5, false, false, -1), (inter.PictureId, inter.HasLongPictureId, inter.IsKeyframe, inter.TemporalLayer));
        Assert.False(KeyframeDetector.IsVp8Keyframe(Hex.Bytes("80 80 05 00"))); // not a partition start
        Assert.True(KeyframeDetector.IsVp8Keyframe(Hex.Bytes("10 00")));
    }

    [Fact]
    public void Vp8_picture_id_and_tl0picidx_are_rewritten_in_their_width()
    {
        var payload = Hex.Bytes("90 C0 9234 09 10");
        Assert.True(Vp8Descriptor.TryParse(payload, out var d));

        d.WritePictureId(payload, 0x7ABC);
        d.WriteTl0PicIdx(payload, 200);

        Assert.Equal(Hex.Bytes("90 C0 FABC C8 10"), payload);
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("80 80")]
    [InlineData("80 80 80")]
    [InlineData("80 40")]
    [InlineData("80 20")]
    public void Truncated_vp8_descriptors_do_not_parse(string hex)
    {
        Assert.False(Vp8Descriptor.TryParse(Hex.Bytes(hex), out _));
    }

    [Theory]
    [InlineData("65 88", true)] // IDR slice
    [InlineData("67 42", true)] // SPS
    [InlineData("41 9A", false)] // non-IDR slice
    [InlineData("7C 85 88", true)] // FU-A start of an IDR
    [InlineData("7C 05 88", false)] // FU-A continuation
    [InlineData("78 0002 0601 0003 6742 00", true)] // STAP-A with SEI then SPS
    [InlineData("78 0002 4101", false)]
    [InlineData("", false)]
    public void H264_key_frames_are_recognised(string hex, bool keyframe)
    {
        Assert.Equal(keyframe, KeyframeDetector.IsH264Keyframe(Hex.Bytes(hex)));
    }

    [Theory]
    [InlineData("08", true)] // B, not inter-predicted, no layers
    [InlineData("48", false)] // inter-predicted
    [InlineData("00", false)] // not the start of a frame
    [InlineData("A8 80 01 00", true)] // I (15-bit id), L: spatial layer 0
    [InlineData("A8 80 01 02", false)] // spatial layer 1
    public void Vp9_key_frames_are_recognised(string hex, bool keyframe)
    {
        Assert.Equal(keyframe, KeyframeDetector.IsVp9Keyframe(Hex.Bytes(hex)));
    }
}
