namespace WebRtcChat.MediaSfu;

/// <summary>Marks the MediaSfu service's assembly, so tests can host it with WebApplicationFactory&lt;MediaSfuApp&gt;.</summary>
public sealed class MediaSfuApp;
