using System.Collections.Concurrent;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Probes every running resource: each second until it is healthy, every five seconds after that.
/// A resource without probes is healthy as soon as it runs.
/// </summary>
internal sealed class HealthMonitor(ResourceNotificationService notifications, TimeProvider time)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HealthyInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public async Task RunAsync(IReadOnlyList<IResource> resources, CancellationToken stopping)
    {
        var due = new ConcurrentDictionary<string, DateTimeOffset>(resources.Select(r => KeyValuePair.Create(r.Name, DateTimeOffset.MinValue)));
        using var ticker = new PeriodicTimer(TimeSpan.FromMilliseconds(250), time);
        while (await NextTickAsync(ticker, stopping))
        {
            var now = time.GetUtcNow();
            var probes = resources
                .Where(r => notifications.Get(r.Name)?.IsRunning == true && due[r.Name] <= now)
                .Select(async r =>
                {
                    var healthy = await ProbeAsync(r, stopping);
                    due[r.Name] = time.GetUtcNow() + (healthy ? HealthyInterval : Interval);
                });
            await Task.WhenAll(probes);
            foreach (var resource in resources.Where(r => notifications.Get(r.Name)?.IsRunning != true))
            {
                due[resource.Name] = DateTimeOffset.MinValue;
            }
        }
    }

    private static async Task<bool> NextTickAsync(PeriodicTimer ticker, CancellationToken stopping)
    {
        try
        {
            return await ticker.WaitForNextTickAsync(stopping);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> ProbeAsync(IResource resource, CancellationToken stopping)
    {
        var checks = resource.Annotations.OfType<HealthCheckAnnotation>().ToList();
        var status = HealthStatus.Healthy;
        string? description = null;
        foreach (var check in checks)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            timeout.CancelAfter(ProbeTimeout);
            HealthCheckResult result;
            try
            {
                result = await check.Check(timeout.Token);
            }
            catch (Exception problem) when (!stopping.IsCancellationRequested)
            {
                result = HealthCheckResult.Unhealthy(problem.Message);
            }

            if (result.Status < status)
            {
                status = result.Status;
                description = $"{check.Description}: {result.Description ?? result.Exception?.Message ?? result.Status.ToString()}";
            }
        }

        if (stopping.IsCancellationRequested)
        {
            return false;
        }

        notifications.Update(resource.Name, s => s.IsRunning ? s with { HealthStatus = status, HealthDescription = description } : s);
        return status == HealthStatus.Healthy;
    }
}
