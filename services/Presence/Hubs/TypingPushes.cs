namespace WebRtcChat.Presence.Hubs;

/// <summary><c>typing-started</c>: show that <paramref name="UserId"/> types in the room for <paramref name="ExpiresInMs"/> unless refreshed.</summary>
public sealed record TypingStarted(Guid RoomId, Guid UserId, int ExpiresInMs);

/// <summary><c>typing-stopped</c>: hide the indicator now.</summary>
public sealed record TypingStopped(Guid RoomId, Guid UserId);
