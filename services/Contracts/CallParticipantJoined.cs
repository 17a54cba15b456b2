namespace WebRtcChat.Contracts;

/// <summary><paramref name="UserId"/> joined call <paramref name="CallId"/> (the initiator when it starts, then each who answers).</summary>
public sealed record CallParticipantJoined(Guid CallId, Guid UserId, DateTimeOffset OccurredAt) : IIntegrationEvent;
