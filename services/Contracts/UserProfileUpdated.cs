namespace WebRtcChat.Contracts;

/// <summary>
/// A user changed their public profile, their avatar or their privacy preferences. <paramref name="AvatarUrl"/> is the
/// versioned avatar path under the public address (<c>/api/users/{id}/avatar?v=...</c>), or null when they have none;
/// <paramref name="AllowCalls"/> whether they accept calls.
/// </summary>
public sealed record UserProfileUpdated(
    Guid UserId, string UserName, string? DisplayName, string Status, string ProfileVisibility, string? AvatarUrl, DateTimeOffset OccurredAt,
    bool AllowCalls = true)
    : IIntegrationEvent;
