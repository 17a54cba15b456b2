namespace WebRtcChat.Bench.SfuLoad.Media;

/// <summary>
/// The clips every publisher sends: Opus audio and one VP8 layer (<see cref="Video"/>), or with <see cref="Simulcast"/>
/// three layers of the same picture, lowest first (<see cref="Video"/> is then the highest).
/// </summary>
public sealed record LoadMedia(MediaClip Audio, MediaClip Video)
{
    public IReadOnlyList<(VideoLayer Layer, MediaClip Clip)> Simulcast { get; init; } = [];

    public static async Task<LoadMedia> PrepareAsync(CaptureFiles capture, VideoLayer layer)
    {
        ArgumentNullException.ThrowIfNull(capture);
        return new LoadMedia(await capture.AudioAsync(), await capture.VideoAsync(layer));
    }

    /// <summary>Audio and every layer of <see cref="VideoLayer.Simulcast"/>.</summary>
    public static async Task<LoadMedia> PrepareSimulcastAsync(CaptureFiles capture)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var layers = new List<(VideoLayer, MediaClip)>();
        foreach (var layer in VideoLayer.Simulcast)
        {
            layers.Add((layer, await capture.VideoAsync(layer)));
        }

        return new LoadMedia(await capture.AudioAsync(), layers[^1].Item2) { Simulcast = layers };
    }
}
