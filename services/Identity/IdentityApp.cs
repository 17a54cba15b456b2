namespace WebRtcChat.Identity;

/// <summary>Marks the Identity service's assembly, so tests can host it with WebApplicationFactory&lt;IdentityApp&gt;.</summary>
public sealed class IdentityApp;
