namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Chooses, for each video a subscriber receives, the layer it should get now: from the layers flowing, the height it
/// asked for, and its bandwidth budget (split evenly between its videos, after its audio).
/// </summary>
public sealed class LayerPlanner(VideoRequests requests, TimeProvider time)
{
    public void Plan(MediaPeer subscriber)
    {
        var receiving = subscriber.Receiving;
        var videos = receiving.Where(s => s.Track.Kind == MediaKind.Video).ToList();
        if (videos.Count == 0)
        {
            return;
        }

        var audioKbps = receiving.Where(s => s.Track.Kind == MediaKind.Audio).Sum(s => s.Rate.Kbps);
        var videoKbps = videos.Sum(s => s.Rate.Kbps);
        var fractionLost = videos.Max(s => s.Loss.FractionLost(time));
        double? perVideo = subscriber.Downlink.Budget(audioKbps + videoKbps, videoKbps, fractionLost) is { } budget ? Math.Max(0, budget - audioKbps) / videos.Count : null;
        foreach (var subscription in videos)
        {
            var layers = subscription.Track.Layers;
            var options = layers.Select(l => new LayerOption(l.Index, l.Height, l.Rate.Kbps, IsAvailable(subscription.Track, l))).ToList();
            var chosen = LayerSelection.Choose(options, requests.MaxHeight(subscriber, subscription.Track.Publisher), perVideo, subscription.Layers.Current?.Index ?? LayerSelection.Paused);
            subscription.Layers.Aim(chosen);
        }
    }

    /// <summary>A plain track's only encoding is always there (a pause in it is the publisher's); a simulcast layer only while it flows.</summary>
    private static bool IsAvailable(ForwardedTrack track, SimulcastLayer layer) => track.Simulcast is null || layer.IsActive;
}
