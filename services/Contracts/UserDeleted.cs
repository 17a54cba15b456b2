namespace WebRtcChat.Contracts;

/// <summary>
/// A user deleted their account: Identity has erased it (profile, avatar, contacts, blocks both ways, sessions).
/// Consumers drop or anonymise whatever they keep about <paramref name="UserId"/> (its contacts and blocks included:
/// no separate <see cref="ContactRemoved"/>/<see cref="UserUnblocked"/> events are sent for them). The id is never reused.
/// </summary>
public sealed record UserDeleted(Guid UserId, DateTimeOffset OccurredAt) : IIntegrationEvent;
