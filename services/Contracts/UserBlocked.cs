namespace WebRtcChat.Contracts;

/// <summary><paramref name="BlockerId"/> blocked <paramref name="BlockedId"/>: no calls, messages or profile for the blocked user.</summary>
public sealed record UserBlocked(Guid BlockerId, Guid BlockedId, DateTimeOffset OccurredAt) : IIntegrationEvent;
