using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

/// <summary>The running (or publishing) distributed application declared by the AppHost.</summary>
public sealed class DistributedApplication(IHost host) : IHost, IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public ResourceNotificationService ResourceNotifications => Services.GetRequiredService<ResourceNotificationService>();

    public ResourceLoggerService ResourceLogs => Services.GetRequiredService<ResourceLoggerService>();

    public IResourceCommandService ResourceCommands => Services.GetRequiredService<IResourceCommandService>();

    public static IDistributedApplicationBuilder CreateBuilder(string[] args) => CreateBuilder(new DistributedApplicationOptions { Args = args });

    public static IDistributedApplicationBuilder CreateBuilder(DistributedApplicationOptions options) => new DistributedApplicationBuilder(options);

    /// <summary>Checks prerequisites, then starts every resource in WaitFor order; returns once they are all launched.</summary>
    public Task StartAsync(CancellationToken cancellationToken = default) => host.StartAsync(cancellationToken);

    /// <summary>Stops every resource in reverse start order.</summary>
    public Task StopAsync(CancellationToken cancellationToken = default) => host.StopAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await host.RunAsync(cancellationToken);
        }
        catch (DistributedApplicationException problem)
        {
            await Console.Error.WriteLineAsync($"apphost: {problem.Message}");
            Environment.ExitCode = 1;
        }
    }

    public void Run() => RunAsync().GetAwaiter().GetResult();

    public void Dispose() => host.Dispose();

    public async ValueTask DisposeAsync()
    {
        if (host is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else
        {
            host.Dispose();
        }
    }
}
