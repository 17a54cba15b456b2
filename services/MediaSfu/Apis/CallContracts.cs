namespace WebRtcChat.MediaSfu.Apis;

public sealed record CreateGroupCallRequest(Guid? RoomId);

/// <summary>A track a participant publishes: its kind and the id the subscribers' browsers see (a=msid).</summary>
public sealed record TrackDto(string Kind, string TrackId, IReadOnlyList<LayerStats> Layers);

/// <summary>A track a participant receives from another, and the layer of it forwarded now.</summary>
public sealed record ReceivingDto(Guid FromParticipantId, string Kind, string TrackId, ForwardedLayer Layer);

public sealed record ParticipantDto(Guid ParticipantId, Guid UserId, DateTimeOffset JoinedAt, IReadOnlyList<TrackDto> Tracks, IReadOnlyList<ReceivingDto> Receiving);

/// <summary>
/// A group call; <paramref name="EndReason"/> says why it ended when its participants did not end it (e.g.
/// <c>node-lost</c>); <see cref="DominantSpeaker"/> is the user speaking now (the last one who did), null before anyone spoke.
/// </summary>
public sealed record CallDto(Guid Id, Guid RoomId, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, IReadOnlyList<ParticipantDto> Participants, string? EndReason = null)
{
    public Guid? DominantSpeaker { get; init; }
}

/// <summary>The node hosting a call; its addresses only while it is <paramref name="Live"/>.</summary>
public sealed record CallNodeDto(Guid CallId, string Node, bool Live, string? HttpAddress, string? MediaAddress);
