namespace WebRtcChat.Contracts;

/// <summary><paramref name="UserId"/> left call <paramref name="CallId"/> (hung up, switched calls, or lost their connection).</summary>
public sealed record CallParticipantLeft(Guid CallId, Guid UserId, DateTimeOffset OccurredAt) : IIntegrationEvent;
