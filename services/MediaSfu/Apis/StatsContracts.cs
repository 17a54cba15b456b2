namespace WebRtcChat.MediaSfu.Apis;

/// <summary>
/// A stream a participant publishes, as it reaches the SFU (loss and jitter from our reception statistics: the loss of
/// all its layers, the worst jitter); for video the frames (RTP marker bits), key frames and frames per second of its best layer flowing, and
/// its loss recovery over all its layers; null for audio.
/// </summary>
public sealed record PublishedTrackStats(
    string Kind, uint Ssrc, string TrackId, long Packets, long Bytes, double BitrateKbps, long PacketsLost, double JitterMs, int Subscribers,
    IReadOnlyList<LayerStats> Layers, long? Frames = null, long? Keyframes = null, double? FramesPerSecond = null, PublishedRecoveryStats? Recovery = null);

/// <summary>
/// Loss recovery on a published video stream: sequence numbers its subscribers NACKed, packets resent from the buffer,
/// NACKs the buffer could not answer, sequence numbers we NACKed to the publisher, holes its RTX (or a late packet)
/// filled, packets not forwarded because they had been already, and holes a subscriber asked for that were never filled.
/// </summary>
public sealed record PublishedRecoveryStats(long NacksReceived, long Retransmitted, long Misses, long UpstreamNacks, long Repaired, long Discarded, long Unrepaired);

/// <summary>A stream a participant receives from another, as the receiver reports it (loss, jitter, RTT from RTCP), and the layer it gets.</summary>
public sealed record ReceivedTrackStats(
    Guid FromParticipantId, string Kind, uint Ssrc, long Packets, long Bytes, double BitrateKbps, double FractionLost, double JitterMs, double? RoundTripMs,
    ForwardedLayer Layer, ReceivedRecoveryStats? Recovery = null);

/// <summary>A subscriber's NACKs on one stream: sequence numbers it asked for, packets resent, repeats within a round trip not resent, and misses.</summary>
public sealed record ReceivedRecoveryStats(long Nacks, long Retransmitted, long Suppressed, long Misses);

/// <summary>One encoding of a published track: a simulcast layer (rid) or a plain track's only one; its height once a VP8 key frame showed it; whether it flows now.</summary>
public sealed record LayerStats(string? Rid, uint Ssrc, int? Height, double BitrateKbps, bool Active);

/// <summary>The layer a subscriber gets of a track (rid null for a plain track); paused when none (requested height 0, or no bandwidth for it).</summary>
public sealed record ForwardedLayer(string? Rid, int? Height, bool Paused);

/// <summary>
/// What a participant's downlink carries as the SFU sees it: its latest REMB, and the kbit/s its videos were last
/// planned within from the REMB and the loss it reports (null when its bandwidth is not what limits the layers it gets);
/// when it sends transport-cc feedback, our own estimate instead (<paramref name="Transport"/>).
/// </summary>
public sealed record DownlinkStats(double? RembKbps, double? BudgetKbps, TransportEstimateStats? Transport = null);

/// <summary>
/// Our estimate of a participant's downlink from its transport-cc feedback: the kbit/s all its streams may use (null
/// while its bandwidth has not been the limit), the rate they arrive at, the queueing delay of the latest feedback and
/// the share lost over the latest second.
/// </summary>
public sealed record TransportEstimateStats(double? EstimateKbps, double? ArrivingKbps, double QueueDelayMs, double Loss);

public sealed record ParticipantStats(
    Guid ParticipantId, Guid UserId, bool Connected, IReadOnlyList<PublishedTrackStats> Published, IReadOnlyList<ReceivedTrackStats> Received, long SrtpFailures, long UnknownStreamPackets,
    DownlinkStats Downlink);

public sealed record CallStatsDto(Guid CallId, DateTimeOffset At, IReadOnlyList<ParticipantStats> Participants);
