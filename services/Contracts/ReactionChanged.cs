namespace WebRtcChat.Contracts;

/// <summary><paramref name="UserId"/> added (<paramref name="Added"/>) or took back an emoji reaction on a message.</summary>
public sealed record ReactionChanged(
    Guid MessageId, Guid RoomId, Guid UserId, string Emoji, bool Added, IReadOnlyList<Guid> MemberIds, DateTimeOffset OccurredAt) : IIntegrationEvent;
