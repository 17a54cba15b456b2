namespace WebRtcChat.Contracts;

/// <summary>
/// How the media of participant <paramref name="ParticipantId"/> (user <paramref name="UserId"/>) in SFU call
/// <paramref name="CallId"/> fared, sampled every MediaSfu:QualitySampleInterval: one entry per track it publishes or
/// receives. Analytics aggregates them.
/// </summary>
public sealed record CallQualitySampled(
    Guid CallId,
    Guid ParticipantId,
    Guid UserId,
    IReadOnlyList<TrackQuality> Tracks,
    DateTimeOffset OccurredAt) : IIntegrationEvent;

/// <summary>
/// One track of a <see cref="CallQualitySampled"/>. <paramref name="Kind"/> is <c>audio</c> or <c>video</c>;
/// <paramref name="Direction"/> <c>published</c> (as it reaches the SFU: loss and jitter from our reception) or
/// <c>received</c> (as the participant reports it: loss, jitter, and RTT from its receiver reports).
/// <paramref name="Packets"/> and <paramref name="PacketsLost"/> count since the track started; <paramref name="FractionLost"/>
/// (0-1) and <paramref name="BitrateKbps"/> are recent. Frames, key frames and frames per second are of published video
/// only (null otherwise); <paramref name="RoundTripMs"/> is null until measured.
/// </summary>
public sealed record TrackQuality(
    string Kind,
    string Direction,
    uint Ssrc,
    double BitrateKbps,
    long Packets,
    long PacketsLost,
    double FractionLost,
    double JitterMs,
    double? RoundTripMs,
    long? Frames,
    long? Keyframes,
    double? FramesPerSecond);
