namespace WebRtcChat.Gateway;

/// <summary>Marks the gateway's assembly, so tests can host it with WebApplicationFactory&lt;GatewayApp&gt;.</summary>
public sealed class GatewayApp;
