using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace Aspire.Hosting.Orchestration;

internal static class OrchestrationServiceCollectionExtensions
{
    public static IServiceCollection AddOrchestration(this IServiceCollection services)
    {
        services.AddSingleton<PidRegistry>();
        services.AddSingleton<HealthMonitor>();
        services.AddSingleton<ApplicationOrchestrator>();
        services.AddSingleton<IResourceCommandService>(sp => sp.GetRequiredService<ApplicationOrchestrator>());
        services.AddHostedService(sp => sp.GetRequiredService<ApplicationOrchestrator>());
        return services;
    }
}
