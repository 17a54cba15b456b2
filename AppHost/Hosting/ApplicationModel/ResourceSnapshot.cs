using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>What the dashboard and tests see of a resource at one moment.</summary>
public sealed record ResourceSnapshot
{
    public required string Name { get; init; }

    public required string ResourceType { get; init; }

    public string State { get; init; } = KnownResourceStates.NotStarted;

    /// <summary>Why the resource is in its state, when that is not obvious (a failure, a wait).</summary>
    public string? StateMessage { get; init; }

    public HealthStatus? HealthStatus { get; init; }

    public string? HealthDescription { get; init; }

    public string? Parent { get; init; }

    public int? Pid { get; init; }

    public int? ExitCode { get; init; }

    public int Restarts { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? StoppedAt { get; init; }

    public IReadOnlyList<ResourceUrl> Urls { get; init; } = [];

    public long Version { get; init; }

    public bool IsRunning => State == KnownResourceStates.Running;

    public bool IsHealthy => IsRunning && HealthStatus == Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy;
}

public sealed record ResourceUrl(string Name, string Url, bool IsExternal);

public static class KnownResourceStates
{
    public const string NotStarted = "NotStarted";
    public const string Waiting = "Waiting";
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Stopping = "Stopping";
    public const string Exited = "Exited";
    public const string Finished = "Finished";
    public const string FailedToStart = "FailedToStart";
    public const string RuntimeUnhealthy = "RuntimeUnhealthy";
}

public static class KnownResourceTypes
{
    public const string Executable = "Executable";
    public const string Project = "Project";
    public const string Database = "Database";
    public const string Parameter = "Parameter";
}
