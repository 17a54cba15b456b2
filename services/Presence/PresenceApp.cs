namespace WebRtcChat.Presence;

/// <summary>Marks the Presence service's assembly, so tests can host it with WebApplicationFactory&lt;PresenceApp&gt;.</summary>
public sealed class PresenceApp;
