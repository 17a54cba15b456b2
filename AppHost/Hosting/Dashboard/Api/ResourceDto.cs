using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.Dashboard.Api;

/// <summary>A resource as the JSON API shows it.</summary>
public sealed record ResourceDto(
    string Name,
    string ResourceType,
    string State,
    string? StateMessage,
    HealthStatus? HealthStatus,
    string? HealthDescription,
    string? Parent,
    int? Pid,
    int? ExitCode,
    int Restarts,
    DateTimeOffset? StartedAt,
    DateTimeOffset? StoppedAt,
    IReadOnlyList<ResourceUrl> Urls)
{
    public static ResourceDto From(ResourceSnapshot snapshot) => new(
        snapshot.Name,
        snapshot.ResourceType,
        snapshot.State,
        snapshot.StateMessage,
        snapshot.HealthStatus,
        snapshot.HealthDescription,
        snapshot.Parent,
        snapshot.Pid,
        snapshot.ExitCode,
        snapshot.Restarts,
        snapshot.StartedAt,
        snapshot.StoppedAt,
        snapshot.Urls);
}
