using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Runs the declared application: checks prerequisites, allocates ports, starts each resource once
/// what it waits for is healthy, keeps them running, and stops them in reverse order.
/// </summary>
internal sealed class ApplicationOrchestrator(
    DistributedApplicationModel model,
    ResourceNotificationService notifications,
    ResourceLoggerService logs,
    PidRegistry pids,
    HealthMonitor health,
    TimeProvider time,
    IServiceProvider services,
    ILoggerFactory loggerFactory) : IHostedService, IResourceCommandService
{
    private readonly ILogger logger = loggerFactory.CreateLogger("Aspire.Hosting.Orchestrator");
    private readonly Dictionary<string, ProcessSupervisor> supervisors = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<Task> background = [];
    private IReadOnlyList<IResource> runnable = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        runnable = [.. model.Resources.Where(IsRunnable)];
        pids.ReapOrphans();
        foreach (var resource in runnable)
        {
            foreach (var binary in resource.Annotations.OfType<ProcessLaunchAnnotation>().SelectMany(l => l.Launcher.RequiredBinaries))
            {
                if (binary.Locate() is null)
                {
                    binary.Resolve();
                }
            }
        }

        PortAllocator.Allocate(model.Resources);
        foreach (var resource in runnable)
        {
            notifications.Register(new ResourceSnapshot
            {
                Name = resource.Name,
                ResourceType = ResourceTypeOf(resource),
                Parent = (resource as IResourceWithParent)?.Parent.Name,
                Urls = UrlsOf(resource),
            });
            if (resource.Annotations.OfType<ProcessLaunchAnnotation>().SingleOrDefault() is { } launch)
            {
                var context = new LaunchContext(resource, model, logs, loggerFactory.CreateLogger($"Aspire.Hosting.Resources.{resource.Name}"), services);
                supervisors[resource.Name] = new ProcessSupervisor(context, launch, notifications, pids, time);
            }
        }

        background.Add(health.RunAsync(runnable, stopping.Token));
        foreach (var resource in runnable)
        {
            background.Add(StartWhenReadyAsync(resource, stopping.Token));
        }

        logger.LogInformation("Starting {Count} resources; data in {DataDirectory}", runnable.Count, model.DataDirectory);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        foreach (var layer in StartOrder.Layers(runnable).Reverse())
        {
            await Task.WhenAll(layer.Select(r => StopResourceAsync(r)));
        }

        await Task.WhenAll(background).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        logger.LogInformation("All resources stopped");
    }

    public Task StartAsync(string resourceName, CancellationToken cancellationToken = default) =>
        Find(resourceName) is var resource && supervisors.TryGetValue(resource.Name, out var supervisor)
            ? supervisor.StartAsync()
            : Task.Run(() => FollowParent(resource), cancellationToken);

    public Task StopAsync(string resourceName, CancellationToken cancellationToken = default) => StopResourceAsync(Find(resourceName));

    public async Task RestartAsync(string resourceName, CancellationToken cancellationToken = default)
    {
        await StopAsync(resourceName, cancellationToken);
        await StartAsync(resourceName, cancellationToken);
    }

    private async Task StartWhenReadyAsync(IResource resource, CancellationToken cancellationToken)
    {
        try
        {
            foreach (var dependency in StartOrder.DependenciesOf(resource))
            {
                if (notifications.Get(dependency.Name)?.IsHealthy != true)
                {
                    notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Waiting, StateMessage = $"Waiting for {dependency.Name}" });
                    await notifications.WaitForResourceHealthyAsync(dependency.Name, cancellationToken);
                }
            }

            if (supervisors.TryGetValue(resource.Name, out var supervisor))
            {
                await supervisor.StartAsync();
            }
            else
            {
                await FollowParentAsync(resource, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>A database runs while its server does; its own probe says when it exists and accepts connections.</summary>
    private async Task FollowParentAsync(IResource resource, CancellationToken cancellationToken)
    {
        if (resource is not IResourceWithParent child)
        {
            FollowParent(resource);
            return;
        }

        await foreach (var snapshot in notifications.WatchAsync(cancellationToken))
        {
            if (snapshot.Name == child.Parent.Name)
            {
                notifications.Update(resource.Name, s => snapshot.IsRunning
                    ? (s.IsRunning ? s : s with { State = KnownResourceStates.Running, StateMessage = null, StartedAt = time.GetUtcNow() })
                    : (s.IsRunning ? s with { State = KnownResourceStates.Exited, HealthStatus = null, StoppedAt = time.GetUtcNow() } : s));
            }
        }
    }

    private void FollowParent(IResource resource) =>
        notifications.Update(resource.Name, s => s with { State = KnownResourceStates.Running, StartedAt = time.GetUtcNow() });

    private async Task StopResourceAsync(IResource resource)
    {
        if (supervisors.TryGetValue(resource.Name, out var supervisor))
        {
            await supervisor.StopAsync();
        }
    }

    private IResource Find(string name) =>
        runnable.FirstOrDefault(r => r.Name == name) ?? throw new KeyNotFoundException($"No resource named '{name}'.");

    private static bool IsRunnable(IResource resource) =>
        resource.Annotations.OfType<ProcessLaunchAnnotation>().Any() || resource is IResourceWithParent;

    private static string ResourceTypeOf(IResource resource) => resource switch
    {
        ProjectResource => KnownResourceTypes.Project,
        IResourceWithParent => KnownResourceTypes.Database,
        _ => KnownResourceTypes.Executable,
    };

    private static IReadOnlyList<ResourceUrl> UrlsOf(IResource resource) =>
    [
        .. resource.Annotations.OfType<EndpointAnnotation>().Select(e => new ResourceUrl(e.Name, e.Url, e.IsExternal)),
    ];
}
