namespace WebRtcChat.Contracts;

/// <summary><paramref name="ContactId"/> is no longer in <paramref name="OwnerId"/>'s contacts (removed, or a block ended it).</summary>
public sealed record ContactRemoved(Guid OwnerId, Guid ContactId, DateTimeOffset OccurredAt) : IIntegrationEvent;
