namespace WebRtcChat.Contracts;

/// <summary><paramref name="BlockerId"/> lifted the block on <paramref name="BlockedId"/>.</summary>
public sealed record UserUnblocked(Guid BlockerId, Guid BlockedId, DateTimeOffset OccurredAt) : IIntegrationEvent;
