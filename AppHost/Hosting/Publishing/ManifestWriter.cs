using System.Text.Encodings.Web;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Publishing;

/// <summary>
/// Writes the application in Aspire's deployment-manifest format: container.v0 for infrastructure
/// with its official image, value.v0 for databases, project.v0 for our projects, parameter.v0 for secrets.
/// </summary>
public static class ManifestWriter
{
    public static async Task WriteAsync(DistributedApplicationModel model, string manifestDirectory, Stream stream, CancellationToken cancellationToken = default)
    {
        await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/aspire-8.0.json");
        json.WriteStartObject("resources");
        foreach (var resource in model.Resources)
        {
            json.WriteStartObject(resource.Name);
            switch (resource)
            {
                case ParameterResource parameter:
                    WriteParameter(json, parameter);
                    break;
                case ProjectResource project:
                    WriteProject(json, project, manifestDirectory);
                    break;
                case IResourceWithParent and IResourceWithConnectionString database:
                    json.WriteString("type", "value.v0");
                    json.WriteString("connectionString", database.ConnectionStringExpression.ValueExpression);
                    break;
                default:
                    WriteContainer(json, resource);
                    break;
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(cancellationToken);
        await stream.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    private static void WriteContainer(Utf8JsonWriter json, IResource resource)
    {
        var image = resource.Annotations.OfType<ContainerImageAnnotation>().SingleOrDefault()
            ?? throw new InvalidOperationException($"Resource '{resource.Name}' has no container image for the manifest.");
        json.WriteString("type", "container.v0");
        if (resource is IResourceWithConnectionString withConnectionString)
        {
            json.WriteString("connectionString", withConnectionString.ConnectionStringExpression.ValueExpression);
        }

        json.WriteString("image", $"{image.Image}:{image.Tag}");
        if (image.Entrypoint is not null)
        {
            json.WriteString("entrypoint", image.Entrypoint);
        }

        if (image.Args.Count > 0)
        {
            json.WriteStartArray("args");
            foreach (var argument in image.Args)
            {
                json.WriteStringValue(Expression(argument));
            }

            json.WriteEndArray();
        }

        WriteEnvironment(json, image.Environment);
        WriteBindings(json, resource, isProject: false);
    }

    private static void WriteProject(Utf8JsonWriter json, ProjectResource project, string manifestDirectory)
    {
        json.WriteString("type", "project.v0");
        json.WriteString("path", Path.GetRelativePath(manifestDirectory, project.Metadata.ProjectPath).Replace('\\', '/'));
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish));
        context.EnvironmentVariables["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EXCEPTION_LOG_ATTRIBUTES"] = "true";
        context.EnvironmentVariables["OTEL_DOTNET_EXPERIMENTAL_OTLP_EMIT_EVENT_LOG_ATTRIBUTES"] = "true";
        context.EnvironmentVariables["OTEL_DOTNET_EXPERIMENTAL_OTLP_RETRY"] = "in_memory";
        context.EnvironmentVariables["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true";
        context.EnvironmentVariables["HTTP_PORTS"] = $"{{{project.Name}.bindings.{ProjectResource.HttpEndpointName}.targetPort}}";
        foreach (var annotation in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            annotation.Callback(context);
        }

        WriteEnvironment(json, context.EnvironmentVariables);
        WriteBindings(json, project, isProject: true);
    }

    private static void WriteParameter(Utf8JsonWriter json, ParameterResource parameter)
    {
        json.WriteString("type", "parameter.v0");
        json.WriteString("value", $"{{{parameter.Name}.inputs.value}}");
        json.WriteStartObject("inputs");
        json.WriteStartObject("value");
        json.WriteString("type", "string");
        json.WriteBoolean("secret", parameter.Secret);
        if (parameter.IsGenerated || parameter.ManifestDefault is not null)
        {
            json.WriteStartObject("default");
            if (parameter.IsGenerated)
            {
                json.WriteStartObject("generate");
                json.WriteNumber("minLength", 22);
                json.WriteEndObject();
            }
            else
            {
                json.WriteString("value", parameter.ManifestDefault);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteEnvironment(Utf8JsonWriter json, IReadOnlyDictionary<string, object> environment)
    {
        if (environment.Count == 0)
        {
            return;
        }

        json.WriteStartObject("env");
        foreach (var (name, value) in environment)
        {
            json.WriteString(name, Expression(value));
        }

        json.WriteEndObject();
    }

    private static void WriteBindings(Utf8JsonWriter json, IResource resource, bool isProject)
    {
        var endpoints = resource.Annotations.OfType<EndpointAnnotation>().ToList();
        if (endpoints.Count == 0)
        {
            return;
        }

        json.WriteStartObject("bindings");
        foreach (var endpoint in endpoints)
        {
            json.WriteStartObject(endpoint.Name);
            json.WriteString("scheme", endpoint.UriScheme is "http" or "https" ? endpoint.UriScheme : "tcp");
            json.WriteString("protocol", "tcp");
            json.WriteString("transport", endpoint.Transport);
            if (!isProject && endpoint.TargetPort is { } targetPort)
            {
                json.WriteNumber("targetPort", targetPort);
            }

            if (endpoint.IsExternal)
            {
                json.WriteBoolean("external", true);
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    private static string Expression(object value) => value switch
    {
        string text => text,
        IManifestExpressionProvider provider => provider.ValueExpression,
        _ => throw new InvalidOperationException($"Cannot write {value.GetType().Name} into the manifest."),
    };
}
