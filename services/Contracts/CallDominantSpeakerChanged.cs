namespace WebRtcChat.Contracts;

/// <summary>
/// <paramref name="UserId"/> became the dominant (active) speaker of SFU call <paramref name="CallId"/>, judged from the
/// audio levels (RFC 6464) of its participants' audio; <paramref name="ParticipantUserIds"/> are the users in the call
/// then, so Presence tells them without keeping call state.
/// </summary>
public sealed record CallDominantSpeakerChanged(
    Guid CallId,
    Guid UserId,
    IReadOnlyList<Guid> ParticipantUserIds,
    DateTimeOffset OccurredAt) : IIntegrationEvent;
