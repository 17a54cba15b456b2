namespace WebRtcChat.MediaSfu.Apis;

public sealed record CreateGroupCallRequest(Guid? RoomId);

/// <summary>A track a participant publishes: its kind and the id the subscribers' browsers see (a=msid).</summary>
public sealed record TrackDto(string Kind, string TrackId);

public sealed record ParticipantDto(Guid ParticipantId, Guid UserId, DateTimeOffset JoinedAt, IReadOnlyList<TrackDto> Tracks);

public sealed record CallDto(Guid Id, Guid RoomId, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, IReadOnlyList<ParticipantDto> Participants);
