using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

public interface IDistributedApplicationBuilder
{
    ConfigurationManager Configuration { get; }

    IServiceCollection Services { get; }

    DistributedApplicationExecutionContext ExecutionContext { get; }

    /// <summary>The AppHost project's folder; project and manifest paths are relative to it.</summary>
    string AppHostDirectory { get; }

    /// <summary>Where infrastructure resources keep their data, one sub-folder each.</summary>
    string DataDirectory { get; }

    IResourceCollection Resources { get; }

    IResourceBuilder<T> AddResource<T>(T resource) where T : IResource;

    IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource;

    DistributedApplication Build();
}

public interface IResourceCollection : IReadOnlyList<IResource>;

internal sealed class ResourceCollection : List<IResource>, IResourceCollection;
