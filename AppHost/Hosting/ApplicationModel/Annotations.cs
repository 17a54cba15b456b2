using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting.ApplicationModel;

/// <summary>Adds environment variables to a project's process (and to the manifest's <c>env</c>).</summary>
public sealed class EnvironmentCallbackAnnotation(Action<EnvironmentCallbackContext> callback) : IResourceAnnotation
{
    public Action<EnvironmentCallbackContext> Callback { get; } = callback;
}

public sealed class EnvironmentCallbackContext(DistributedApplicationExecutionContext executionContext)
{
    public DistributedApplicationExecutionContext ExecutionContext { get; } = executionContext;

    /// <summary>Values are strings or <see cref="IValueProvider"/>s resolved when the process starts.</summary>
    public Dictionary<string, object> EnvironmentVariables { get; } = new(StringComparer.Ordinal);
}

/// <summary>The resource does not start until <see cref="Resource"/> is running and healthy.</summary>
public sealed class WaitAnnotation(IResource resource) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;
}

/// <summary>A readiness probe; the resource is Healthy only while every probe says so.</summary>
public sealed class HealthCheckAnnotation(string description, Func<CancellationToken, Task<HealthCheckResult>> check) : IResourceAnnotation
{
    public string Description { get; } = description;

    public Func<CancellationToken, Task<HealthCheckResult>> Check { get; } = check;
}

/// <summary>
/// How the deployment manifest runs an infrastructure resource: its official image, and the
/// environment and arguments that image needs (values are strings or manifest expressions).
/// </summary>
public sealed class ContainerImageAnnotation(string image, string tag) : IResourceAnnotation
{
    public string Image { get; } = image;

    public string Tag { get; } = tag;

    public string? Entrypoint { get; init; }

    public IReadOnlyList<object> Args { get; init; } = [];

    public IReadOnlyDictionary<string, object> Environment { get; init; } = new Dictionary<string, object>();
}

/// <summary>Marks a resource that others reference, for the dashboard's relationships.</summary>
public sealed class ResourceRelationshipAnnotation(IResource resource, string type) : IResourceAnnotation
{
    public IResource Resource { get; } = resource;

    public string Type { get; } = type;
}
