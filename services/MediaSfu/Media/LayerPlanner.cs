namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Chooses, for each video a subscriber receives, the layer it should get now: from the layers flowing, the height it
/// asked for, and its video bandwidth budget (split evenly between its videos).
/// </summary>
public sealed class LayerPlanner(VideoRequests requests, TimeProvider time)
{
    /// <remarks>Runs for every subscriber several times a second, so it allocates nothing.</remarks>
    public void Plan(MediaPeer subscriber)
    {
        var receiving = subscriber.Receiving;
        var (videos, videoKbps, videoLoss) = (0, 0.0, ReportedLoss.None);
        for (var i = 0; i < receiving.Count; i++)
        {
            var subscription = receiving[i];
            if (subscription.Track.Kind == MediaKind.Video)
            {
                videos++;
                videoKbps += subscription.Rate.Kbps;
                // The worst loss; the measurements summed, so a new window on any of its videos is a new measurement.
                var loss = subscription.Loss.Latest(time);
                videoLoss = new ReportedLoss(Math.Max(videoLoss.Fraction, loss.Fraction), videoLoss.Measurement + loss.Measurement);
            }
        }

        if (videos == 0)
        {
            return;
        }

        double? perVideo = subscriber.Downlink.Budget(videoKbps, videoLoss) / videos;
        Span<LayerOption> options = stackalloc LayerOption[LayerSelection.MaxLayers];
        for (var i = 0; i < receiving.Count; i++)
        {
            var subscription = receiving[i];
            if (subscription.Track.Kind == MediaKind.Video)
            {
                var track = subscription.Track;
                var count = Math.Min(track.Layers.Count, options.Length);
                for (var l = 0; l < count; l++)
                {
                    var layer = track.Layers[l];
                    options[l] = new LayerOption(layer.Index, layer.Height, layer.Rate.Kbps, IsAvailable(track, layer));
                }

                var chosen = LayerSelection.Choose(options[..count], requests.MaxHeight(subscriber, track.Publisher), perVideo, subscription.Layers.Current?.Index ?? LayerSelection.Paused);
                if (IsNewSwitchUp(subscription.Layers, track, chosen))
                {
                    subscriber.Downlink.SwitchedUp();
                }

                subscription.Layers.Aim(chosen);
            }
        }
    }

    /// <summary>Whether <paramref name="chosen"/> is a new aim at a layer above the one flowing (or at any layer while paused).</summary>
    private static bool IsNewSwitchUp(LayerSwitcher layers, ForwardedTrack track, int chosen) =>
        chosen >= 0
        && chosen != (layers.Target?.Index ?? LayerSelection.Paused)
        && (layers.Current is not { } current || track.Layers[chosen].Rate.Kbps > current.Rate.Kbps);

    /// <summary>A plain track's only encoding is always there (a pause in it is the publisher's); a simulcast layer only while it flows.</summary>
    private static bool IsAvailable(ForwardedTrack track, SimulcastLayer layer) => track.Simulcast is null || layer.IsActive;
}
