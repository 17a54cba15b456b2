using WebRtcChat.MediaSfu.Media.Recovery;
using WebRtcChat.MediaSfu.Quality;

namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// The track a participant publishes on an offered section: a plain one on the section's SSRC, or a simulcast one on the
/// section itself (its layers' SSRCs come later), with its audio level meter or loss recovery. A renegotiation keeps the
/// tracks it already had.
/// </summary>
public static class PublishedTracks
{
    public static bool IsPublished(OfferedSection section) =>
        section is { Sends: true, Stopped: false } && (section.Simulcast is not null || section.Ssrc is not null);

    public static bool Matches(ForwardedTrack track, OfferedSection section) =>
        IsPublished(section) && (section.Simulcast is not null ? track.Simulcast is not null && track.Mid == section.Mid : track.Simulcast is null && track.Ssrc == section.Ssrc);

    public static ForwardedTrack Of(MediaPeer peer, OfferedSection section, LossRecoverySettings recovery, TimeProvider time) =>
        peer.Published.FirstOrDefault(track => Matches(track, section)) ?? New(peer, section, TrackRecovery.For(peer, section, recovery, time), time);

    private static ForwardedTrack New(MediaPeer peer, OfferedSection section, TrackRecovery? recovery, TimeProvider time) =>
        section.Simulcast is { } simulcast
            ? new ForwardedTrack(peer, section.Kind, section.Mid, section.TrackId ?? section.Mid, section.PayloadCodecs, simulcast, time, recovery)
            : new ForwardedTrack(peer, section.Kind, section.Ssrc!.Value, section.TrackId ?? section.Mid, section.PayloadCodecs, time, recovery, section.RtxSsrc)
            {
                AudioLevel = AudioLevelMeter.For(section),
            };
}
