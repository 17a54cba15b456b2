using WebRtcChat.MediaSfu.Media;
using WebRtcChat.MediaSfu.Quality;
using WebRtcChat.WebRtc.Rtp;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>The per-packet meters of the receive loop: what they read, and that reading allocates nothing.</summary>
public sealed class QualityMetersTests
{
    private const int LevelId = 4;

    [Fact]
    public void The_audio_level_meter_averages_a_window_of_levels_and_ignores_packets_without_one()
    {
        var meter = new AudioLevelMeter(LevelId);
        foreach (var level in new byte[] { 20, 30, 40 })
        {
            Observe(meter, AudioPacket(LevelId, level));
        }

        Observe(meter, AudioPacket(LevelId + 1, 0));
        Observe(meter, AudioPacket(extensionId: null, 0));

        Assert.Equal(new AudioLevelWindow(3, 30), meter.TakeWindow());
        Assert.Equal(new AudioLevelWindow(0, AudioLevelWindow.Silence), meter.TakeWindow());
    }

    [Fact]
    public void The_frame_counter_counts_marker_bits_and_vp8_key_frame_starts_only()
    {
        var counter = new FrameCounter(new Dictionary<byte, string> { [SdpOfferBuilder.Vp8PayloadType] = "VP8/90000", [98] = "H264/90000" });
        Observe(counter, VideoPacket(SdpOfferBuilder.Vp8PayloadType, start: true, keyframe: true, marker: false));
        Observe(counter, VideoPacket(SdpOfferBuilder.Vp8PayloadType, start: false, keyframe: true, marker: true));
        Observe(counter, VideoPacket(SdpOfferBuilder.Vp8PayloadType, start: true, keyframe: false, marker: true));
        Observe(counter, VideoPacket(98, start: true, keyframe: true, marker: true));

        Assert.Equal((3, 1), (counter.Frames, counter.Keyframes));
    }

    [Fact]
    public void Metering_a_packet_allocates_nothing()
    {
        var meter = new AudioLevelMeter(LevelId);
        var counter = new FrameCounter(new Dictionary<byte, string> { [SdpOfferBuilder.Vp8PayloadType] = "VP8/90000" });
        var audio = AudioPacket(LevelId, 33);
        var video = VideoPacket(SdpOfferBuilder.Vp8PayloadType, start: true, keyframe: true, marker: true);
        Assert.True(RtpHeader.TryParse(audio, out var audioHeader));
        Assert.True(RtpHeader.TryParse(video, out var videoHeader));
        Meter(meter, counter, audio, audioHeader, video, videoHeader, 100);

        var before = GC.GetAllocatedBytesForCurrentThread();
        Meter(meter, counter, audio, audioHeader, video, videoHeader, 100_000);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void Meter(AudioLevelMeter meter, FrameCounter counter, byte[] audio, in RtpHeader audioHeader, byte[] video, in RtpHeader videoHeader, int times)
    {
        for (var i = 0; i < times; i++)
        {
            meter.Observe(audio, audioHeader);
            counter.Observe(video, videoHeader);
        }
    }

    private static void Observe(AudioLevelMeter meter, byte[] packet)
    {
        Assert.True(RtpHeader.TryParse(packet, out var header));
        meter.Observe(packet, header);
    }

    private static void Observe(FrameCounter counter, byte[] packet)
    {
        Assert.True(RtpHeader.TryParse(packet, out var header));
        counter.Observe(packet, header);
    }

    private static byte[] AudioPacket(int? extensionId, byte level)
    {
        var packet = new byte[64];
        var offset = RtpPacketWriter.WriteFixedHeader(packet, SdpOfferBuilder.OpusPayloadType, 1, 960, 0xA0D10, hasExtension: extensionId is not null);
        if (extensionId is { } id)
        {
            var writer = new RtpExtensionWriter(packet.AsSpan(offset), twoByte: false);
            writer.TryAdd(id, [(byte)(0x80 | level)]);
            offset += writer.Finish();
        }

        return packet[..(offset + 20)];
    }

    private static byte[] VideoPacket(byte payloadType, bool start, bool keyframe, bool marker)
    {
        var packet = new byte[RtpHeader.FixedLength + 100];
        RtpPacketWriter.WriteFixedHeader(packet, payloadType, 1, 3000, 0x71DE0, marker);
        packet[RtpHeader.FixedLength] = (byte)(start ? 0x10 : 0x00);
        packet[RtpHeader.FixedLength + 1] = (byte)(keyframe ? 0x00 : 0x01);
        return packet;
    }
}
