using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Dashboard;
using Aspire.Hosting.Orchestration;
using Aspire.Hosting.Publishing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting;

internal sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    private readonly HostApplicationBuilder hostBuilder;
    private readonly DistributedApplicationOptions options;
    private readonly ResourceCollection resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        this.options = options;
        hostBuilder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ApplicationName = "AppHost",
            ContentRootPath = options.AppHostDirectory ?? AppHostInfo.ProjectDirectory,
        });
        var publishOptions = PublishingOptions.From(hostBuilder.Configuration);
        ExecutionContext = new DistributedApplicationExecutionContext(
            publishOptions.Publisher is null ? DistributedApplicationOperation.Run : DistributedApplicationOperation.Publish);
        AppHostDirectory = Path.GetFullPath(options.AppHostDirectory ?? AppHostInfo.ProjectDirectory);
        DataDirectory = Path.GetFullPath(
            options.DataDirectory ?? hostBuilder.Configuration["AppHost:DataDirectory"] ?? Path.Combine(AppHostDirectory, "..", ".data"),
            AppHostDirectory);
        hostBuilder.Services.AddSingleton(publishOptions);
    }

    public ConfigurationManager Configuration => hostBuilder.Configuration;

    public IServiceCollection Services => hostBuilder.Services;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    public string DataDirectory { get; }

    public IResourceCollection Resources => resources;

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (resources.Any(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DistributedApplicationException($"A resource named '{resource.Name}' is already declared; names must be unique.");
        }

        resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(resource, this);

    public DistributedApplication Build()
    {
        var model = new DistributedApplicationModel(resources, AppHostDirectory, DataDirectory);
        Services.AddSingleton(model);
        Services.AddSingleton(ExecutionContext);
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton<ResourceNotificationService>();
        Services.AddSingleton<ResourceLoggerService>();
        Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(60));

        if (ExecutionContext.IsPublishMode)
        {
            Services.AddHostedService<ManifestPublishingService>();
        }
        else
        {
            // The dashboard starts first (the orchestrator hands its OTLP address to the projects) and stops last.
            if (!options.DisableDashboard && !Configuration.GetValue("AppHost:DisableDashboard", false))
            {
                Services.AddDashboard(Configuration);
            }

            Services.AddOrchestration();
        }

        return new DistributedApplication(hostBuilder.Build());
    }
}

/// <summary>Everything that was declared, with the folders it is anchored to.</summary>
public sealed class DistributedApplicationModel(IReadOnlyList<IResource> resources, string appHostDirectory, string dataDirectory)
{
    public IReadOnlyList<IResource> Resources { get; } = resources;

    public string AppHostDirectory { get; } = appHostDirectory;

    public string DataDirectory { get; } = dataDirectory;
}

/// <summary>A start-up problem an operator can fix; its message is the one line printed.</summary>
public sealed class DistributedApplicationException(string message, Exception? inner = null) : Exception(message, inner);
