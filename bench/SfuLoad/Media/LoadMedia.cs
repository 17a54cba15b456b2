namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>The clips every publisher sends: Opus audio and one VP8 layer.</summary>
public sealed record LoadMedia(MediaClip Audio, MediaClip Video)
{
    public static async Task<LoadMedia> PrepareAsync(CaptureFiles capture, VideoLayer layer)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return new LoadMedia(await capture.AudioAsync(), await capture.VideoAsync(layer));
    }
}
