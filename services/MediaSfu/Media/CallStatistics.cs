using WebRtcChat.MediaSfu.Apis;
using WebRtcChat.MediaSfu.Media.Congestion;
using WebRtcChat.MediaSfu.Media.Recovery;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>A call's per participant and per track numbers on this node, for GET /api/calls/{id}/stats.</summary>
public static class CallStatistics
{
    public static CallStatsDto Of(Guid callId, MediaCall? media, DateTimeOffset at) =>
        new(callId, at, media?.Peers.OrderBy(p => p.ParticipantId).Select(Of).ToList() ?? []);

    private static ParticipantStats Of(MediaPeer peer) => new(
        peer.ParticipantId,
        peer.UserId,
        peer.IsConnected,
        peer.Published.Select(Published).ToList(),
        peer.Receiving.Select(Received).ToList(),
        peer.Counters.SrtpFailures,
        peer.Counters.UnknownSsrc,
        new DownlinkStats(Rounded(peer.Downlink.RembKbps), Rounded(peer.Downlink.LatestBudgetKbps), TransportOf(peer.Congestion)));

    private static TransportEstimateStats? TransportOf(SendSideEstimate estimate) => estimate.HasFeedback
        ? new TransportEstimateStats(Rounded(estimate.EstimateKbps), Rounded(estimate.AckedKbps), Math.Round(estimate.QueueDelayMs, 1), Math.Round(estimate.LossFraction, 4))
        : null;

    private static double? Rounded(double? kbps) => kbps is { } value ? Math.Round(value, 1) : null;

    private static PublishedTrackStats Published(ForwardedTrack track)
    {
        var (_, lost, jitter) = track.ReceptionTotals();
        return new PublishedTrackStats(KindName(track.Kind), track.Ssrc, track.TrackId, track.Packets, track.Bytes, Math.Round(track.Rate.Kbps, 1), lost, Math.Round(jitter, 2), track.Subscriptions.Length, LayersOf(track))
        {
            Frames = track.Frames?.Frames,
            Keyframes = track.Frames?.Keyframes,
            FramesPerSecond = track.Frames is { } frames ? Math.Round(frames.Rate.PerSecond, 1) : null,
            Recovery = RecoveryOf(track.Recovery?.Counters),
        };
    }

    private static ReceivedTrackStats Received(Subscription subscription)
    {
        var (fraction, jitter, rtt) = subscription.Feedback();
        var track = subscription.Track;
        return new ReceivedTrackStats(
            track.Publisher.ParticipantId, KindName(track.Kind), track.Ssrc, subscription.Packets, subscription.Bytes,
            Math.Round(subscription.Rate.Kbps, 1), Math.Round(fraction, 4), Math.Round(jitter, 2), rtt is { } r ? Math.Round(r, 2) : null, LayerOf(subscription),
            track.Recovery is null ? null : RecoveryOf(subscription.Recovery));
    }

    private static PublishedRecoveryStats? RecoveryOf(TrackRecoveryCounters? counters) => counters is null ? null
        : new(counters.NacksReceived, counters.Retransmitted, counters.Misses, counters.UpstreamNacks, counters.Repaired, counters.Discarded, counters.Unrepaired);

    private static ReceivedRecoveryStats RecoveryOf(SubscriptionRecovery recovery) =>
        new(recovery.Nacks, recovery.Retransmitted, recovery.Suppressed, recovery.Misses);

    public static List<LayerStats> LayersOf(ForwardedTrack track) =>
        [.. track.Layers.Select(l => new LayerStats(l.Rid, l.Ssrc, l.Height, Math.Round(l.Rate.Kbps, 1), l.IsActive))];

    public static ForwardedLayer LayerOf(Subscription subscription) =>
        subscription.Layers.Current is { } layer ? new ForwardedLayer(layer.Rid, layer.Height, Paused: false) : new ForwardedLayer(null, null, Paused: true);

    public static string KindName(MediaKind kind) => kind == MediaKind.Audio ? "audio" : "video";
}
