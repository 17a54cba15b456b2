using Xunit;

namespace WebRtcChat.Testing;

/// <summary>The whole application, started once for a test collection and healthy before the first test.</summary>
public sealed class AppFixture : IAsyncLifetime
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);

    private AppHostProcess? app;

    public AppHostProcess App => app ?? throw new InvalidOperationException("The application has not started.");

    public Uri GatewayUrl => App.GatewayUrl;

    public async Task InitializeAsync()
    {
        app = AppHostProcess.Start();
        await app.WaitUntilHealthyAsync(StartTimeout);
    }

    public async Task DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
