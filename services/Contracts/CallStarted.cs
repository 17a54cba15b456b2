namespace WebRtcChat.Contracts;

/// <summary>
/// <paramref name="InitiatorId"/> started call <paramref name="CallId"/>: <paramref name="Kind"/> <c>direct</c> (one callee) or
/// <c>mesh</c> (the members of <paramref name="RoomId"/>), <paramref name="Media"/> <c>audio</c> or <c>video</c>;
/// <paramref name="InviteeIds"/> are the users being rung.
/// </summary>
public sealed record CallStarted(
    Guid CallId, Guid? RoomId, Guid InitiatorId, string Kind, string Media, IReadOnlyList<Guid> InviteeIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
