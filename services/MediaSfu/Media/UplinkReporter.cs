using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using WebRtcChat.MediaSfu.Calls;
using WebRtcChat.WebRtc.Rtcp;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// Sends each publisher our estimate of what reaches us (<see cref="UplinkEstimate"/>) as REMB: on every report
/// interval, and at once when loss is high.
/// </summary>
public sealed class UplinkReporter(IOptions<SfuOptions> options)
{
    private readonly ConditionalWeakTable<MediaPeer, UplinkEstimate> estimates = [];

    /// <summary>The estimate last sent to <paramref name="publisher"/>, if any.</summary>
    public UplinkEstimate? Of(MediaPeer publisher) => estimates.TryGetValue(publisher, out var estimate) ? estimate : null;

    /// <param name="periodic">Whether this is a report interval (else only high loss sends a REMB).</param>
    /// <remarks>Runs for every publisher several times a second: only a REMB that goes out allocates (its SSRC list).</remarks>
    public void Report(MediaPeer publisher, bool periodic)
    {
        var (received, lost, kbps, ssrcs) = (0L, 0L, 0.0, 0);
        var layers = publisher.PublishedLayers;
        foreach (var layer in layers)
        {
            kbps += layer.Rate.Kbps;
            ssrcs += layer.Ssrc != 0 ? 1 : 0;
            if (layer.Reception?.Snapshot() is { } snapshot)
            {
                (received, lost) = (received + snapshot.Packets, lost + snapshot.Lost);
            }
        }

        if (ssrcs == 0)
        {
            return;
        }

        if (!estimates.TryGetValue(publisher, out var estimate))
        {
            estimate = estimates.GetValue(publisher, _ => Create());
        }
        if (!periodic && !estimate.IsLossHigh(received, lost))
        {
            return;
        }

        var bitrate = (ulong)(estimate.Update(received, lost, kbps) * 1000);
        var named = new uint[Math.Min(ssrcs, ReceiverEstimatedMaximumBitrate.MaxSsrcs)];
        var n = 0;
        foreach (var layer in layers)
        {
            // A layer's SSRC is learned from its first packet, maybe since it was counted.
            if (layer.Ssrc != 0 && n < named.Length)
            {
                named[n++] = layer.Ssrc;
            }
        }

        publisher.SendRtcp(static (buffer, state) => ReceiverEstimatedMaximumBitrate.Write(buffer, state.LocalSsrc, state.bitrate, state.named), (publisher.LocalSsrc, bitrate, named));
    }

    private UplinkEstimate Create()
    {
        var settings = options.Value;
        return new UplinkEstimate(settings.PublisherStartBitrateKbps, settings.PublisherMinBitrateKbps, settings.PublisherMaxBitrateKbps);
    }
}
