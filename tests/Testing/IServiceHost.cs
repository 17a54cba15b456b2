namespace WebRtcChat.Testing;

/// <summary>One service hosted in-process; what a test needs of it whatever its entry point.</summary>
public interface IServiceHost : IAsyncDisposable
{
    HttpClient CreateClient();

    IServiceProvider Services { get; }
}
