namespace WebRtcChat.Messaging;

/// <summary>Marks the Messaging service's assembly, so tests can host it with WebApplicationFactory&lt;MessagingApp&gt;.</summary>
public sealed class MessagingApp;
