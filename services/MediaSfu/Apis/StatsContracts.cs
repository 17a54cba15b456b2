namespace WebRtcChat.MediaSfu.Apis;

/// <summary>
/// A stream a participant publishes, as it reaches the SFU (loss and jitter from our reception statistics); for video
/// the frames (RTP marker bits), key frames and frames per second, and its loss recovery; null for audio.
/// </summary>
public sealed record PublishedTrackStats(
    string Kind, uint Ssrc, string TrackId, long Packets, long Bytes, double BitrateKbps, long PacketsLost, double JitterMs, int Subscribers,
    long? Frames = null, long? Keyframes = null, double? FramesPerSecond = null, PublishedRecoveryStats? Recovery = null);

/// <summary>
/// Loss recovery on a published video stream: sequence numbers its subscribers NACKed, packets resent from the buffer,
/// NACKs the buffer could not answer, sequence numbers we NACKed to the publisher, holes its RTX (or a late packet)
/// filled, and packets not forwarded because they had been already.
/// </summary>
public sealed record PublishedRecoveryStats(long NacksReceived, long Retransmitted, long Misses, long UpstreamNacks, long Repaired, long Discarded);

/// <summary>A stream a participant receives from another, as the receiver reports it (loss, jitter, RTT from RTCP).</summary>
public sealed record ReceivedTrackStats(Guid FromParticipantId, string Kind, uint Ssrc, long Packets, long Bytes, double BitrateKbps, double FractionLost, double JitterMs, double? RoundTripMs, ReceivedRecoveryStats? Recovery = null);

/// <summary>A subscriber's NACKs on one stream: sequence numbers it asked for, packets resent, repeats within a round trip not resent, and misses.</summary>
public sealed record ReceivedRecoveryStats(long Nacks, long Retransmitted, long Suppressed, long Misses);

public sealed record ParticipantStats(Guid ParticipantId, Guid UserId, bool Connected, IReadOnlyList<PublishedTrackStats> Published, IReadOnlyList<ReceivedTrackStats> Received, long SrtpFailures, long UnknownStreamPackets);

public sealed record CallStatsDto(Guid CallId, DateTimeOffset At, IReadOnlyList<ParticipantStats> Participants);
