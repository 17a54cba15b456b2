namespace WebRtcChat.Search;

/// <summary>Marks the Search service's assembly, so tests can host it with WebApplicationFactory&lt;SearchApp&gt;.</summary>
public sealed class SearchApp;
