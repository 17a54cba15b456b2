namespace WebRtcChat.MediaSfu.Apis;

public sealed record CreateGroupCallRequest(Guid? RoomId);

public sealed record ParticipantDto(Guid ParticipantId, Guid UserId, DateTimeOffset JoinedAt);

public sealed record CallDto(Guid Id, Guid RoomId, Guid CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt, IReadOnlyList<ParticipantDto> Participants);
