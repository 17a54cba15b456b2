namespace WebRtcChat.Contracts;

/// <summary>
/// A user signed in (a new session, not a token refresh), for analytics. <paramref name="Method"/> is how:
/// <c>password</c>, <c>external</c>, <c>authorization_code</c>; <paramref name="ClientId"/> is the OAuth client the
/// session was issued to. Deliberately no IP address, user agent or secret.
/// </summary>
public sealed record UserSignedIn(Guid UserId, string Method, string? ClientId, DateTimeOffset OccurredAt) : IIntegrationEvent;
