namespace WebRtcChat.Recording;

/// <summary>Marks the Recording service's assembly, so tests can host it with WebApplicationFactory&lt;RecordingApp&gt;.</summary>
public sealed class RecordingApp;
