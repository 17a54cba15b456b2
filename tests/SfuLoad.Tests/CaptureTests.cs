using WebRtcChat.Bench.SfuLoad.Media;

namespace WebRtcChat.Bench.SfuLoad.Tests;

/// <summary>The capture ffmpeg makes, read back by our IVF and Ogg readers: frame counts, timing and bitrates as encoded.</summary>
public sealed class CaptureTests
{
    [Fact]
    public async Task The_vp8_capture_has_30_frames_a_second_at_about_its_target_bitrate()
    {
        var clip = await new CaptureFiles().VideoAsync(VideoLayer.Low);

        Assert.Equal(300, clip.Frames.Count);
        Assert.Equal(90_000, clip.ClockRate);
        Assert.All(clip.Frames.Zip(clip.Frames.Skip(1)), pair => Assert.Equal(3_000u, pair.Second.Timestamp - pair.First.Timestamp));
        Assert.Equal(900_000u, clip.Duration);
        Assert.InRange(clip.BitsPerSecond, 0.7 * 150_000, 1.3 * 150_000);
        Assert.True((clip.Frames[0].Data[0] & 1) == 0, "the first VP8 frame is a key frame (P bit clear)");
    }

    [Fact]
    public async Task The_opus_capture_has_20_ms_packets_at_40_kbps()
    {
        var clip = await new CaptureFiles().AudioAsync();

        Assert.Equal(48_000, clip.ClockRate);
        Assert.InRange(clip.Frames.Count, 499, 501);
        Assert.All(clip.Frames.Zip(clip.Frames.Skip(1)), pair => Assert.Equal(960u, pair.Second.Timestamp - pair.First.Timestamp));
        Assert.InRange(clip.BitsPerSecond, 0.9 * 40_000, 1.1 * 40_000);
    }

    [Fact]
    public void A_file_that_is_not_ivf_is_refused()
    {
        var error = Assert.Throws<InvalidDataException>(() => IvfReader.Read(new byte[64]));
        Assert.Contains("Not an IVF file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_ogg_file_cut_mid_page_is_refused()
    {
        byte[] page = [.. "OggS"u8, 0, 2, .. new byte[20], 1, 200, .. new byte[10]];
        var error = Assert.Throws<InvalidDataException>(() => OggOpusReader.Read(page));
        Assert.Contains("runs past the end", error.Message, StringComparison.Ordinal);
    }
}
