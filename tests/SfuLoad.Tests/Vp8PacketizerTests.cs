using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.WebRtc.Rtp;

namespace WebRtcChat.Bench.SfuLoad.Tests;

/// <summary>RFC 7741 packetization as our own descriptor parser (the SFU's) reads it.</summary>
public sealed class Vp8PacketizerTests
{
    [Fact]
    public void A_frame_is_split_into_pieces_that_start_once_end_with_the_marker_and_share_a_picture_id()
    {
        var frame = Enumerable.Range(0, 2_500).Select(i => (byte)i).ToArray();
        var packets = Packetize(new Vp8Packetizer(32_767), frame);

        Assert.Equal(3, packets.Count);
        Assert.Equal([true, false, false], packets.Select(p => Parse(p.Payload).IsStartOfPartition));
        Assert.Equal([false, false, true], packets.Select(p => p.Last));
        Assert.All(packets, p => Assert.Equal(32_767, Parse(p.Payload).PictureId));
        Assert.Equal(frame, packets.SelectMany(p => p.Payload[Parse(p.Payload).Length..]).ToArray());
    }

    [Fact]
    public void The_picture_id_counts_frames_and_wraps_at_15_bits()
    {
        var packetizer = new Vp8Packetizer(32_767);
        Packetize(packetizer, [1, 2, 3]);

        var next = Packetize(packetizer, [4, 5, 6]);

        Assert.Equal(0, Parse(next[0].Payload).PictureId);
        Assert.True(Parse(next[0].Payload).HasLongPictureId);
    }

    private static Vp8Descriptor Parse(byte[] payload)
    {
        Assert.True(Vp8Descriptor.TryParse(payload, out var descriptor));
        return descriptor;
    }

    private static List<(byte[] Payload, bool Last)> Packetize(Vp8Packetizer packetizer, byte[] frame)
    {
        var packets = new List<(byte[], bool)>();
        packetizer.Packetize(frame, new byte[1_400], (payload, last) => packets.Add((payload.ToArray(), last)));
        return packets;
    }
}
