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
    public void Report(MediaPeer publisher, bool periodic)
    {
        var layers = publisher.Published.SelectMany(t => t.Layers).ToList();
        var ssrcs = layers.Select(l => l.Ssrc).Where(ssrc => ssrc != 0).Take(255).ToArray();
        if (ssrcs.Length == 0)
        {
            return;
        }

        var estimate = estimates.GetValue(publisher, _ => Create());
        var (received, lost) = (0L, 0L);
        foreach (var snapshot in layers.Select(l => l.Reception?.Snapshot()).OfType<(long Packets, long Lost, double JitterMs)>())
        {
            (received, lost) = (received + snapshot.Packets, lost + snapshot.Lost);
        }

        if (!periodic && !estimate.IsLossHigh(received, lost))
        {
            return;
        }

        var bitrate = (ulong)(estimate.Update(received, lost, layers.Sum(l => l.Rate.Kbps)) * 1000);
        publisher.SendRtcp(static (buffer, state) => ReceiverEstimatedMaximumBitrate.Write(buffer, state.LocalSsrc, state.bitrate, state.ssrcs), (publisher.LocalSsrc, bitrate, ssrcs));
    }

    private UplinkEstimate Create()
    {
        var settings = options.Value;
        return new UplinkEstimate(settings.PublisherStartBitrateKbps, settings.PublisherMinBitrateKbps, settings.PublisherMaxBitrateKbps);
    }
}
