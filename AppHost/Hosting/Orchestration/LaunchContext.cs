using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Orchestration;

/// <summary>What a launcher gets to prepare and run its resource.</summary>
public sealed class LaunchContext(IResource resource, DistributedApplicationModel model, ResourceLoggerService logs, ILogger logger, IServiceProvider services)
{
    public IResource Resource { get; } = resource;

    public DistributedApplicationModel Model { get; } = model;

    /// <summary>This resource's own folder under the data directory.</summary>
    public string DataDirectory { get; } = Path.Combine(model.DataDirectory, resource.Name);

    public ILogger Logger { get; } = logger;

    public IServiceProvider Services { get; } = services;

    /// <summary>Writes a line to the resource's console log (seen on the dashboard).</summary>
    public void Log(string line, bool isError = false) => logs.Write(Resource.Name, line, isError);
}
