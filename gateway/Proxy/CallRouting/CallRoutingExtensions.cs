using Microsoft.Extensions.DependencyInjection.Extensions;

namespace WebRtcChat.Gateway.Proxy.CallRouting;

public static class CallRoutingExtensions
{
    /// <summary>The options, the locator and its lookup client (see <see cref="CallNodeRouting"/>).</summary>
    public static IServiceCollection AddCallRouting(this IServiceCollection services)
    {
        services.AddOptions<CallRoutingOptions>()
            .BindConfiguration(CallRoutingOptions.SectionName)
            .Validate(options => options.IsValid, "Gateway:CallRouting needs a Cluster, a non-negative CacheDuration and a positive LookupTimeout.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<CallNodeLocator>();

        // A node that does not answer is skipped for the next one at once: no retries, no hedging (RemoveAllResilienceHandlers is marked experimental).
#pragma warning disable EXTEXP0001
        services.AddHttpClient(CallNodeLocator.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        return services;
    }
}
