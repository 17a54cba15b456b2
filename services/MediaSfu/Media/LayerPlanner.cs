using WebRtcChat.MediaSfu.Media.Congestion;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Chooses, for each video a subscriber receives, the layer it should get now: from the layers flowing, the height it
/// asked for, and its video bandwidth budget (split evenly between its videos). The budget is our own estimate of its
/// downlink when it sends transport-cc feedback (less the audio it gets), else its REMB and reported loss. When the
/// layers it asked for need more than our estimate allows, its downlink is probed towards them.
/// </summary>
public sealed class LayerPlanner(VideoRequests requests, ProbePacer probes, TimeProvider time)
{
    /// <summary>A probe asks for this much more than the layers wanted: a switch up needs <see cref="LayerSelection.UpgradeMargin"/> above their rate.</summary>
    public const double ProbeMargin = 1.25;

    /// <remarks>Runs for every subscriber several times a second, so it allocates nothing (unless it starts a probe).</remarks>
    public void Plan(MediaPeer subscriber)
    {
        var receiving = subscriber.Receiving;
        var (videos, videoKbps, audioKbps, videoLoss) = (0, 0.0, 0.0, ReportedLoss.None);
        for (var i = 0; i < receiving.Count; i++)
        {
            var subscription = receiving[i];
            if (subscription.Track.Kind != MediaKind.Video)
            {
                audioKbps += subscription.Rate.Kbps;
                continue;
            }

            videos++;
            videoKbps += subscription.Rate.Kbps;
            // The worst loss; the measurements summed, so a new window on any of its videos is a new measurement.
            var loss = subscription.Loss.Latest(time);
            videoLoss = new ReportedLoss(Math.Max(videoLoss.Fraction, loss.Fraction), videoLoss.Measurement + loss.Measurement);
        }

        if (videos == 0)
        {
            return;
        }

        var estimate = subscriber.Congestion;
        var perVideo = estimate.HasFeedback
            ? estimate.EstimateKbps is { } total ? Math.Max(0, total - audioKbps) / videos : null
            : subscriber.Downlink.Budget(videoKbps, videoLoss) / videos;
        var wantedKbps = 0.0;
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

                var (maxHeight, current) = (requests.MaxHeight(subscriber, track.Publisher), subscription.Layers.Current?.Index ?? LayerSelection.Paused);
                var chosen = LayerSelection.Choose(options[..count], maxHeight, perVideo, current);
                wantedKbps += RateOf(track, LayerSelection.Choose(options[..count], maxHeight, null, current));
                if (!estimate.HasFeedback && IsNewSwitchUp(subscription.Layers, track, chosen))
                {
                    subscriber.Downlink.SwitchedUp();
                }

                subscription.Layers.Aim(chosen);
            }
        }

        if (estimate.HasFeedback && estimate.ProbeFor((wantedKbps * ProbeMargin) + audioKbps) is { } probe)
        {
            probes.Start(subscriber, probe);
        }
    }

    private static double RateOf(ForwardedTrack track, int layer) => layer >= 0 ? track.Layers[layer].Rate.Kbps : 0;

    /// <summary>Whether <paramref name="chosen"/> is a new aim at a layer above the one flowing (or at any layer while paused).</summary>
    private static bool IsNewSwitchUp(LayerSwitcher layers, ForwardedTrack track, int chosen) =>
        chosen >= 0
        && chosen != (layers.Target?.Index ?? LayerSelection.Paused)
        && (layers.Current is not { } current || track.Layers[chosen].Rate.Kbps > current.Rate.Kbps);

    /// <summary>A plain track's only encoding is always there (a pause in it is the publisher's); a simulcast layer only while it flows.</summary>
    private static bool IsAvailable(ForwardedTrack track, SimulcastLayer layer) => track.Simulcast is null || layer.IsActive;
}
