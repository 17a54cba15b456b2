using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Dashboard;
using Aspire.Hosting.Orchestration;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting;

/// <summary>
/// Runs a built .NET project (<c>dotnet bin/{Configuration}/net10.0/{Name}.dll</c>) with its references
/// as Aspire-named environment variables and telemetry sent to the dashboard.
/// </summary>
internal sealed class ProjectLauncher(ProjectResource project) : IProcessLauncher
{
    private static readonly RequiredBinary Dotnet = new("dotnet: the .NET SDK", ["/usr/bin/dotnet", "/usr/share/dotnet/dotnet", "/usr/local/bin/dotnet"],
        "install the .NET 10 SDK (https://dot.net) and put dotnet on PATH");

    public IReadOnlyList<RequiredBinary> RequiredBinaries => [Dotnet, Assembly];

    private RequiredBinary Assembly
    {
        get
        {
            var projectDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath)!;
            var assemblyName = Path.GetFileNameWithoutExtension(project.Metadata.ProjectPath);
            return new RequiredBinary($"{project.Name}: the built project",
                [Path.Combine(projectDirectory, "bin", AppHostInfo.Configuration, "net10.0", assemblyName + ".dll")],
                $"build it first: dotnet build {Path.GetFileName(project.Metadata.ProjectPath)} -c {AppHostInfo.Configuration} (the AppHost build does this)");
        }
    }

    public async Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["ASPNETCORE_URLS"] = project.HttpEndpoint.Url,
            ["ASPNETCORE_ENVIRONMENT"] = Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") ?? "Development",
            ["DOTNET_ENVIRONMENT"] = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? "Development",
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{Guid.CreateVersion7():N}",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
            ["Logging__Console__FormatterName"] = "simple",
            ["Logging__Console__FormatterOptions__SingleLine"] = "true",
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss ",
        };
        if (context.Services.GetService<DashboardOptions>() is { } dashboard)
        {
            environment["OTEL_EXPORTER_OTLP_ENDPOINT"] = dashboard.OtlpHttpUrl.ToString().TrimEnd('/');
            environment["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
        }

        var callbackContext = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Run));
        foreach (var annotation in project.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            annotation.Callback(callbackContext);
        }

        foreach (var (name, value) in callbackContext.EnvironmentVariables)
        {
            environment[name] = value switch
            {
                string text => text,
                IValueProvider provider => await provider.GetValueAsync(cancellationToken) ?? string.Empty,
                _ => value.ToString() ?? string.Empty,
            };
        }

        return new ProcessSpec(Dotnet.Resolve(), [Assembly.Resolve()])
        {
            WorkingDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath)!,
            Environment = environment,
        };
    }
}
