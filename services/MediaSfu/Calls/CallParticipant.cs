namespace WebRtcChat.MediaSfu.Calls;

/// <summary>One user's presence in a call (one per user: joining again from another device replaces the first).</summary>
public sealed record CallParticipant(Guid ParticipantId, Guid UserId, DateTimeOffset JoinedAt);
