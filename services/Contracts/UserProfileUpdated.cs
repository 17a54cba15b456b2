namespace WebRtcChat.Contracts;

/// <summary>
/// A user changed their public profile, their avatar or who may see them. <paramref name="AvatarUrl"/> is the versioned
/// avatar path under the public address (<c>/api/users/{id}/avatar?v=...</c>), or null when they have none.
/// </summary>
public sealed record UserProfileUpdated(
    Guid UserId, string UserName, string? DisplayName, string Status, string ProfileVisibility, string? AvatarUrl, DateTimeOffset OccurredAt)
    : IIntegrationEvent;
