namespace WebRtcChat.Presence.Calls;

/// <summary>
/// One entry of a user's call history: <paramref name="Direction"/> <c>outgoing</c> or <c>incoming</c>; <paramref name="Missed"/>
/// when the user was rung and never answered.
/// </summary>
public sealed record CallRecord(
    Guid CallId,
    string Kind,
    string Media,
    Guid? RoomId,
    Guid InitiatorId,
    string Direction,
    string Outcome,
    bool Missed,
    IReadOnlyList<Guid> ParticipantIds,
    DateTimeOffset StartedAt,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset EndedAt,
    long DurationSeconds)
{
    public static CallRecord Of(CallState call, Guid userId) => new(
        call.Id,
        call.Kind,
        call.Media,
        call.RoomId,
        call.InitiatorId,
        userId == call.InitiatorId ? "outgoing" : "incoming",
        call.Outcome!,
        call.Missed.Contains(userId),
        [.. call.Joined],
        call.CreatedAt,
        call.AnsweredAt,
        call.EndedAt!.Value,
        call.DurationSeconds);
}

/// <summary>A call going on or ringing now, as <c>GET /api/calls/active</c> shows it.</summary>
public sealed record ActiveCall(
    Guid CallId, string Kind, string Media, Guid? RoomId, Guid InitiatorId, string State, IReadOnlyList<Guid> ParticipantIds, IReadOnlyList<Guid> RingingIds,
    DateTimeOffset StartedAt, DateTimeOffset? AnsweredAt)
{
    public static ActiveCall Of(CallState call) => new(
        call.Id, call.Kind, call.Media, call.RoomId, call.InitiatorId, call.AnsweredAt is null ? "ringing" : "active",
        [.. call.Participants.Keys], [.. call.Ringing], call.CreatedAt, call.AnsweredAt);
}
