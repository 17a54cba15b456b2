namespace WebRtcChat.Contracts;

/// <summary>
/// Call <paramref name="CallId"/> ended after <paramref name="DurationSeconds"/> seconds (counted from the first answer; 0 when
/// nobody answered); <paramref name="ParticipantIds"/> are the users who took part. <paramref name="Outcome"/> is one of
/// <see cref="CallOutcomes"/>, <paramref name="Kind"/> <c>direct</c> or <c>mesh</c>, <paramref name="PeakParticipants"/> the
/// most users in the call at once, <paramref name="Reason"/> why a call ended other than by its participants (one of
/// <see cref="CallEndReasons"/>; null when they hung up). Identity counts completed calls in each participant's stats
/// (calls, call duration).
/// </summary>
public sealed record CallEnded(
    Guid CallId,
    IReadOnlyList<Guid> ParticipantIds,
    long DurationSeconds,
    DateTimeOffset OccurredAt,
    string Outcome = CallOutcomes.Completed,
    string Kind = CallKinds.Direct,
    int PeakParticipants = 0,
    string? Reason = null) : IIntegrationEvent;
