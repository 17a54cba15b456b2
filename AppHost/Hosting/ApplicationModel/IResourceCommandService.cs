namespace Aspire.Hosting.ApplicationModel;

/// <summary>Start, stop and restart individual resources while the application runs (the dashboard's buttons).</summary>
public interface IResourceCommandService
{
    Task StartAsync(string resourceName, CancellationToken cancellationToken = default);

    Task StopAsync(string resourceName, CancellationToken cancellationToken = default);

    Task RestartAsync(string resourceName, CancellationToken cancellationToken = default);
}
