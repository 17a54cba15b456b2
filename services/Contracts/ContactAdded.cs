namespace WebRtcChat.Contracts;

/// <summary><paramref name="OwnerId"/> added <paramref name="ContactId"/> to their contacts.</summary>
public sealed record ContactAdded(Guid OwnerId, Guid ContactId, DateTimeOffset OccurredAt) : IIntegrationEvent;
