namespace WebRtcChat.MediaSfu.Apis;

/// <summary>A stream a participant publishes, as it reaches the SFU (loss and jitter from our reception statistics).</summary>
public sealed record PublishedTrackStats(string Kind, uint Ssrc, string TrackId, long Packets, long Bytes, double BitrateKbps, long PacketsLost, double JitterMs, int Subscribers, IReadOnlyList<LayerStats> Layers);

/// <summary>A stream a participant receives from another, as the receiver reports it (loss, jitter, RTT from RTCP).</summary>
public sealed record ReceivedTrackStats(Guid FromParticipantId, string Kind, uint Ssrc, long Packets, long Bytes, double BitrateKbps, double FractionLost, double JitterMs, double? RoundTripMs, ForwardedLayer Layer);

/// <summary>One encoding of a published track: a simulcast layer (rid) or a plain track's only one; its height once a VP8 key frame showed it; whether it flows now.</summary>
public sealed record LayerStats(string? Rid, uint Ssrc, int? Height, double BitrateKbps, bool Active);

/// <summary>The layer a subscriber gets of a track (rid null for a plain track); paused when none (requested height 0, or no bandwidth for it).</summary>
public sealed record ForwardedLayer(string? Rid, int? Height, bool Paused);

public sealed record ParticipantStats(Guid ParticipantId, Guid UserId, bool Connected, IReadOnlyList<PublishedTrackStats> Published, IReadOnlyList<ReceivedTrackStats> Received, long SrtpFailures, long UnknownStreamPackets);

public sealed record CallStatsDto(Guid CallId, DateTimeOffset At, IReadOnlyList<ParticipantStats> Participants);
