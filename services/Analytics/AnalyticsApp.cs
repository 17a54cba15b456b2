namespace WebRtcChat.Analytics;

/// <summary>Marks the Analytics service's assembly, so tests can host it with WebApplicationFactory&lt;AnalyticsApp&gt;.</summary>
public sealed class AnalyticsApp;
