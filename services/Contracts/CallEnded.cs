namespace WebRtcChat.Contracts;

/// <summary>
/// Call <paramref name="CallId"/> ended after <paramref name="DurationSeconds"/> seconds; <paramref name="ParticipantIds"/>
/// are the users who took part. Identity counts it in each participant's stats (calls, call duration).
/// </summary>
public sealed record CallEnded(Guid CallId, IReadOnlyList<Guid> ParticipantIds, long DurationSeconds, DateTimeOffset OccurredAt) : IIntegrationEvent;
