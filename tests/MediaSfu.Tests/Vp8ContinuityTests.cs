using WebRtcChat.MediaSfu.Media;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>A subscriber's VP8 picture ids and TL0PICIDX run on across a simulcast switch, as if one encoder sent them.</summary>
public sealed class Vp8ContinuityTests
{
    private const uint LayerH = 0x1111;
    private const uint LayerQ = 0x2222;

    private readonly Vp8Continuity continuity = new();

    [Fact]
    public void After_a_switch_the_new_layers_numbers_continue_one_after_the_highest_sent()
    {
        Assert.Equal((7000, 20), Forward(LayerH, 7000, 20));
        Assert.Equal((7001, 20), Forward(LayerH, 7001, 20));
        Assert.Equal((7002, 21), Forward(LayerH, 7002, 21));

        Assert.Equal((7003, 22), Forward(LayerQ, 130, 250)); // the other layer's key frame: its numbers were behind
        Assert.Equal((7004, 22), Forward(LayerQ, 131, 250));
        Assert.Equal((7005, 23), Forward(LayerQ, 132, 251));
    }

    [Fact]
    public void Numbers_wrap_at_15_bits_and_8_bits()
    {
        Forward(LayerH, 0x7FFF, 255);
        Assert.Equal((0, 0), Forward(LayerQ, 500, 9));
        Assert.Equal((1, 0), Forward(LayerQ, 501, 9));
    }

    [Fact]
    public void A_retransmission_takes_the_current_shift_and_an_old_layers_one_is_left_alone()
    {
        Forward(LayerH, 7000, 20);
        Forward(LayerQ, 130, 250);
        Assert.Equal((7002, 21), Forward(LayerQ, 131, 250, retransmission: true));
        Assert.Equal((6999, 19), Forward(LayerH, 6999, 19, retransmission: true)); // from before the switch: unchanged
        Assert.Equal((7003, 21), Forward(LayerQ, 132, 250)); // and it did not start a segment
    }

    /// <summary>A VP8 payload with X, I (15-bit picture id) and L (TL0PICIDX) set, rewritten; returns what the subscriber sees.</summary>
    private (int PictureId, int Tl0) Forward(uint layer, int pictureId, int tl0, bool retransmission = false)
    {
        byte[] payload = [0x90, 0xC0, (byte)(0x80 | (pictureId >> 8)), (byte)pictureId, (byte)tl0, 0x00, 0x01, 0x02];
        continuity.Rewrite(payload, layer, retransmission);
        Assert.True(Vp8Descriptor.TryParse(payload, out var descriptor));
        return (descriptor.PictureId, descriptor.Tl0PicIdx);
    }
}
