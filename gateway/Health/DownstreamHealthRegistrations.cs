using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using WebRtcChat.Gateway.Options;

namespace WebRtcChat.Gateway.Health;

/// <summary>
/// Registers one <see cref="DownstreamHealthCheck"/> per YARP cluster (named after the cluster), probing the
/// cluster's first destination (e.g. <c>http://identity</c>) at <c>/health</c>. Read from the proxy config
/// at start, so a cluster added in appsettings.json is probed without code changes.
/// </summary>
internal sealed class DownstreamHealthRegistrations(IProxyConfigProvider proxyConfig, IOptions<GatewayOptions> gatewayOptions)
    : IConfigureOptions<HealthCheckServiceOptions>
{
    public const string Tag = "downstream";

    public void Configure(HealthCheckServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var timeout = gatewayOptions.Value.HealthChecks.Timeout;
        foreach (var cluster in proxyConfig.GetConfig().Clusters)
        {
            var address = cluster.Destinations?.Values.FirstOrDefault()?.Address;
            if (address is null)
            {
                continue;
            }

            var healthUri = new Uri(new Uri(address.TrimEnd('/') + "/"), "health");
            options.Registrations.Add(new HealthCheckRegistration(
                cluster.ClusterId,
                services => new DownstreamHealthCheck(services.GetRequiredService<IHttpClientFactory>(), healthUri),
                HealthStatus.Unhealthy,
                [Tag],
                timeout));
        }
    }
}
