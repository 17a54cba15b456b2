namespace WebRtcChat.MediaSfu.Apis;

/// <summary>
/// A stream a participant publishes, as it reaches the SFU (loss and jitter from our reception statistics); for video
/// the frames (RTP marker bits), key frames and frames per second, null for audio.
/// </summary>
public sealed record PublishedTrackStats(
    string Kind, uint Ssrc, string TrackId, long Packets, long Bytes, double BitrateKbps, long PacketsLost, double JitterMs, int Subscribers,
    long? Frames = null, long? Keyframes = null, double? FramesPerSecond = null);

/// <summary>A stream a participant receives from another, as the receiver reports it (loss, jitter, RTT from RTCP).</summary>
public sealed record ReceivedTrackStats(Guid FromParticipantId, string Kind, uint Ssrc, long Packets, long Bytes, double BitrateKbps, double FractionLost, double JitterMs, double? RoundTripMs);

public sealed record ParticipantStats(Guid ParticipantId, Guid UserId, bool Connected, IReadOnlyList<PublishedTrackStats> Published, IReadOnlyList<ReceivedTrackStats> Received, long SrtpFailures, long UnknownStreamPackets);

public sealed record CallStatsDto(Guid CallId, DateTimeOffset At, IReadOnlyList<ParticipantStats> Participants);
