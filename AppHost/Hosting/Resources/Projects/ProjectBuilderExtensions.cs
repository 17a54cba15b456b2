using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

public static class ProjectBuilderExtensions
{
    public static IResourceBuilder<ProjectResource> AddProject<TProject>(this IDistributedApplicationBuilder builder, string name)
        where TProject : IProjectMetadata, new()
    {
        var project = new ProjectResource(name, new TProject());
        return builder.AddResource(project)
            .WithAnnotation(new EndpointAnnotation(ProjectResource.HttpEndpointName, "http"))
            .WithAnnotation(new ProcessLaunchAnnotation(new ProjectLauncher(project), restartOnExit: true));
    }

    /// <summary>Fixes the port of the project's http endpoint (the gateway's 8080).</summary>
    public static IResourceBuilder<ProjectResource> WithHttpEndpoint(this IResourceBuilder<ProjectResource> builder, int? port)
    {
        builder.Resource.HttpEndpoint.Annotation.Port = port;
        return builder;
    }

    public static IResourceBuilder<ProjectResource> WithExternalHttpEndpoints(this IResourceBuilder<ProjectResource> builder)
    {
        foreach (var endpoint in builder.Resource.Annotations.OfType<EndpointAnnotation>())
        {
            endpoint.IsExternal = true;
        }

        return builder;
    }

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, string value) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));

    public static IResourceBuilder<T> WithEnvironment<T>(this IResourceBuilder<T> builder, string name, ReferenceExpression value) where T : IResourceWithEnvironment =>
        builder.WithAnnotation(new EnvironmentCallbackAnnotation(context => context.EnvironmentVariables[name] = value));

    /// <summary>Passes a connection string as <c>ConnectionStrings__{name}</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResourceWithConnectionString> source)
        where T : IResourceWithEnvironment
    {
        var resource = source.Resource;
        builder.WithAnnotation(new ResourceRelationshipAnnotation(resource, "Reference"));
        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
            context.EnvironmentVariables[resource.ConnectionStringEnvironmentVariable] = resource.ConnectionStringExpression));
    }

    /// <summary>Makes a project discoverable by name: <c>services__{name}__http__0</c>.</summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, IResourceBuilder<ProjectResource> source)
        where T : IResourceWithEnvironment
    {
        ArgumentNullException.ThrowIfNull(source);
        return builder.WithReference(source.Resource.Name, source);
    }

    /// <summary>
    /// Makes instances of one service discoverable under one name, each its own endpoint as Aspire lists replicas:
    /// <c>services__{serviceName}__http__0</c>, <c>__1</c>, … (a client that must reach one particular instance, like
    /// the gateway routing a call to its SFU node, sees them all).
    /// </summary>
    public static IResourceBuilder<T> WithReference<T>(this IResourceBuilder<T> builder, string serviceName, params IResourceBuilder<ProjectResource>[] instances)
        where T : IResourceWithEnvironment
    {
        var projects = instances.Select(instance => instance.Resource).ToList();
        foreach (var project in projects)
        {
            builder.WithAnnotation(new ResourceRelationshipAnnotation(project, "Reference"));
        }

        return builder.WithAnnotation(new EnvironmentCallbackAnnotation(context =>
        {
            foreach (var (project, index) in projects.Select((project, index) => (project, index)))
            {
                foreach (var endpoint in project.Annotations.OfType<EndpointAnnotation>())
                {
                    context.EnvironmentVariables[$"services__{serviceName}__{endpoint.Name}__{index}"] = project.GetEndpoint(endpoint.Name);
                }
            }
        }));
    }

    /// <summary>Delays the start until <paramref name="dependency"/> is running and healthy.</summary>
    public static IResourceBuilder<T> WaitFor<T>(this IResourceBuilder<T> builder, IResourceBuilder<IResource> dependency) where T : IResourceWithWaitSupport =>
        builder.WithAnnotation(new WaitAnnotation(dependency.Resource));

    /// <summary>The project is healthy while GET <paramref name="path"/> answers 200.</summary>
    public static IResourceBuilder<ProjectResource> WithHttpHealthCheck(this IResourceBuilder<ProjectResource> builder, string path = "/health")
    {
        var endpoint = builder.Resource.HttpEndpoint;
        return builder.WithAnnotation(new HealthCheckAnnotation($"GET {path}", ct => HttpProbe.GetAsync(endpoint.Url + path, ct)));
    }
}
