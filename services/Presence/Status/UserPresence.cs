namespace WebRtcChat.Presence.Status;

/// <summary>
/// A user's presence as others see it (<c>presence-changed</c>, <c>GET /api/presence</c>): status, custom text and, when
/// offline, when they were last seen. A user whose privacy hides them from the viewer is shown offline with nothing else.
/// </summary>
public sealed record UserPresence(Guid UserId, string Status, string? StatusText, DateTimeOffset? LastSeen)
{
    public static UserPresence Hidden(Guid userId) => new(userId, PresenceStatuses.Offline, null, null);
}
