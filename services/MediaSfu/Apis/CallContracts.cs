namespace WebRtcChat.MediaSfu.Apis;

public sealed record CreateGroupCallRequest(Guid? RoomId);

/// <summary>A track a participant publishes: its kind and the id the subscribers' browsers see (a=msid).</summary>
public sealed record TrackDto(string Kind, string TrackId);

public sealed record ParticipantDto(Guid ParticipantId, Guid UserId, DateTimeOffset JoinedAt, IReadOnlyList<TrackDto> Tracks);

/// <summary>A call as its room's members see it; <paramref name="EndReason"/> says why it ended when its participants did not end it (e.g. <c>node-lost</c>).</summary>
public sealed record CallDto(Guid Id, Guid RoomId, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, IReadOnlyList<ParticipantDto> Participants, string? EndReason = null);

/// <summary>The node hosting a call; its addresses only while it is <paramref name="Live"/>.</summary>
public sealed record CallNodeDto(Guid CallId, string Node, bool Live, string? HttpAddress, string? MediaAddress);
