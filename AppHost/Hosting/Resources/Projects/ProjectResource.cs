using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

/// <summary>Generated per referenced project (class <c>Projects.&lt;Name&gt;</c>), as Aspire's AppHost SDK does.</summary>
public interface IProjectMetadata
{
    string ProjectPath { get; }
}

public sealed class ProjectResource(string name, IProjectMetadata metadata) : Resource(name), IResourceWithEndpoints, IResourceWithEnvironment, IResourceWithWaitSupport
{
    public const string HttpEndpointName = "http";

    public IProjectMetadata Metadata { get; } = metadata;

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    public EndpointReference GetEndpoint(string name) => new(this, name);
}
