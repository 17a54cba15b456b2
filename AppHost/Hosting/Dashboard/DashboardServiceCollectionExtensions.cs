using Aspire.Hosting.Dashboard.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// Adds the dashboard (UI, JSON API and OTLP receiver). Register it before the orchestrator: hosted
    /// services start in order, so the OTLP address is known before any project launches.
    /// </summary>
    public static IServiceCollection AddDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(_ => DashboardOptions.From(configuration));
        services.AddSingleton<TelemetryStore>();
        services.AddHostedService<DashboardHost>();
        return services;
    }
}
