using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// ASP.NET Core's authentication registers data protection, whose hosted service reads (and on a first run creates)
/// the key ring at start. A service that only validates bearer tokens never protects anything, and Identity's ring
/// lives in its EF database, so that start-up work only costs memory (about 2 MB resident; with EF, the model too);
/// without the hosted service the ring loads on first use. Call it after everything that adds data protection.
/// </summary>
public static class KeyRingPreload
{
    private const string HostedServiceName = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    public static IServiceCollection WithoutKeyRingPreload(this IServiceCollection services)
    {
        var preload = services.SingleOrDefault(descriptor =>
            descriptor.ServiceType == typeof(IHostedService) && descriptor.ImplementationType?.FullName == HostedServiceName);
        if (preload is not null)
        {
            services.Remove(preload);
        }

        return services;
    }
}
