using WebRtcChat.Contracts;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>A participant's <see cref="CallQualitySampled"/>: its published tracks as they reach us, its received ones as it reports them.</summary>
public static class QualitySamples
{
    public const string Published = "published";
    public const string Received = "received";

    public static CallQualitySampled Of(Guid callId, MediaPeer peer, DateTimeOffset at) =>
        new(callId, peer.ParticipantId, peer.UserId, [.. peer.Published.Select(PublishedTrack), .. peer.Receiving.Select(ReceivedTrack)], at);

    private static TrackQuality PublishedTrack(ForwardedTrack track)
    {
        var (packets, lost, jitter) = track.ReceptionTotals();
        var frames = track.Frames;
        return new TrackQuality(
            CallStatistics.KindName(track.Kind), Published, track.Ssrc, Math.Round(track.Rate.Kbps, 1), packets, lost,
            Math.Round(packets + lost == 0 ? 0 : (double)lost / (packets + lost), 4), Math.Round(jitter, 2), RoundTripMs: null,
            frames?.Frames, frames?.Keyframes, frames is null ? null : Math.Round(frames.Rate.PerSecond, 1));
    }

    private static TrackQuality ReceivedTrack(Subscription subscription)
    {
        var (fraction, jitter, rtt) = subscription.Feedback();
        var track = subscription.Track;
        return new TrackQuality(
            CallStatistics.KindName(track.Kind), Received, track.Ssrc, Math.Round(subscription.Rate.Kbps, 1), subscription.Packets,
            subscription.PacketsLostReported, Math.Round(fraction, 4), Math.Round(jitter, 2), rtt is { } r ? Math.Round(r, 2) : null,
            Frames: null, Keyframes: null, FramesPerSecond: null);
    }
}
