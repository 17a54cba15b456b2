namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A network endpoint of a resource. <see cref="Port"/> is fixed when set (the gateway's 8080);
/// otherwise a free port is allocated at start. <see cref="TargetPort"/> is the port inside the
/// container image the manifest names.
/// </summary>
public sealed class EndpointAnnotation(string name, string scheme, int? port = null, int? targetPort = null) : IResourceAnnotation
{
    public string Name { get; } = name;

    public string UriScheme { get; } = scheme;

    public string Transport => UriScheme is "http" or "https" ? "http" : "tcp";

    public int? Port { get; set; } = port;

    public int? TargetPort { get; set; } = targetPort;

    public bool IsExternal { get; set; }

    /// <summary>The port bound at run time, set by the orchestrator before anything starts.</summary>
    public int? AllocatedPort { get; set; }

    public string Host { get; set; } = "localhost";

    public string Url => $"{UriScheme}://{Host}:{AllocatedPort ?? Port}";
}

public enum EndpointProperty
{
    Url,
    Host,
    Port,
}

/// <summary>A reference to one endpoint of a resource, usable in <see cref="ReferenceExpression"/>s.</summary>
public sealed class EndpointReference(IResourceWithEndpoints resource, string endpointName) : IValueProvider, IManifestExpressionProvider
{
    public IResourceWithEndpoints Resource { get; } = resource;

    public string EndpointName { get; } = endpointName;

    public EndpointAnnotation Annotation =>
        Resource.Annotations.OfType<EndpointAnnotation>().SingleOrDefault(e => e.Name == EndpointName)
        ?? throw new InvalidOperationException($"Resource '{Resource.Name}' has no endpoint named '{EndpointName}'.");

    public int Port => Annotation.AllocatedPort ?? Annotation.Port
        ?? throw new InvalidOperationException($"Endpoint '{Resource.Name}/{EndpointName}' has no port yet: the application has not been started.");

    public string Url => $"{Annotation.UriScheme}://{Annotation.Host}:{Port}";

    public string ValueExpression => $"{{{Resource.Name}.bindings.{EndpointName}.url}}";

    public EndpointReferenceExpression Property(EndpointProperty property) => new(this, property);

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Url);
}

public sealed class EndpointReferenceExpression(EndpointReference endpoint, EndpointProperty property) : IValueProvider, IManifestExpressionProvider
{
    public EndpointReference Endpoint { get; } = endpoint;

    public EndpointProperty Property { get; } = property;

    public string ValueExpression => $"{{{Endpoint.Resource.Name}.bindings.{Endpoint.EndpointName}.{Property.ToString().ToLowerInvariant()}}}";

    public ValueTask<string?> GetValueAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult<string?>(Property switch
    {
        EndpointProperty.Url => Endpoint.Url,
        EndpointProperty.Host => Endpoint.Annotation.Host,
        EndpointProperty.Port => Endpoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => throw new ArgumentOutOfRangeException(nameof(Property)),
    });
}
