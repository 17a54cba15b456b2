namespace WebRtcChat.Contracts;

/// <summary>A user changed their public profile or who may see it.</summary>
public sealed record UserProfileUpdated(
    Guid UserId, string UserName, string? DisplayName, string Status, string ProfileVisibility, DateTimeOffset OccurredAt) : IIntegrationEvent;
