namespace WebRtcChat.Identity.Security;

/// <summary>Loads (or on first start creates) the server keys at start-up, after the database is migrated.</summary>
internal sealed class ServerKeyInitializer(ServerKeyRing keys) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.Run(keys.EnsureLoaded, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
