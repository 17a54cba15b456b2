using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Dashboard.Api;
using Aspire.Hosting.Dashboard.Otlp;
using Aspire.Hosting.Dashboard.Telemetry;
using Aspire.Hosting.Dashboard.Ui;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Dashboard;

/// <summary>
/// Runs the dashboard beside the orchestrator: the OTLP receiver on <see cref="DashboardOptions.OtlpHttpUrl"/>
/// and the UI with its JSON API on <see cref="DashboardOptions.Url"/>, each its own Kestrel server.
/// </summary>
internal sealed class DashboardHost(DashboardOptions options, TelemetryStore telemetry, IServiceProvider services, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private readonly ILogger logger = loggerFactory.CreateLogger("Aspire.Hosting.Dashboard");
    private WebApplication? otlp;
    private WebApplication? ui;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The receiver first: the projects are handed its address, so it must be known (and bound) before they launch.
        otlp = DashboardWebApp.Create(options.OtlpHttpUrl, receiver => receiver.AddSingleton(telemetry));
        otlp.MapOtlpReceiver();
        options.OtlpHttpUrl = await DashboardWebApp.StartAsync(otlp, options.OtlpHttpUrl, "Dashboard:OtlpHttpUrl", cancellationToken);

        ui = DashboardWebApp.Create(options.Url, AddModelServices);
        ui.MapDashboardPage();
        ui.MapResources();
        ui.MapTelemetry();
        options.Url = await DashboardWebApp.StartAsync(ui, options.Url, "Dashboard:Url", cancellationToken);

        logger.LogInformation("Dashboard: {DashboardUrl} (OTLP/HTTP on {OtlpUrl})", options.Url, options.OtlpHttpUrl);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (ui is not null)
        {
            await ui.StopAsync(cancellationToken);
        }

        if (otlp is not null)
        {
            await otlp.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (ui is not null)
        {
            await ui.DisposeAsync();
        }

        if (otlp is not null)
        {
            await otlp.DisposeAsync();
        }
    }

    /// <summary>The dashboard's own container sees the AppHost's model services, not a copy of them.</summary>
    private void AddModelServices(IServiceCollection dashboard)
    {
        dashboard.AddSingleton(telemetry);
        dashboard.AddSingleton(services.GetRequiredService<ResourceNotificationService>());
        dashboard.AddSingleton(services.GetRequiredService<ResourceLoggerService>());
        dashboard.AddSingleton(_ => services.GetRequiredService<IResourceCommandService>());
    }
}
