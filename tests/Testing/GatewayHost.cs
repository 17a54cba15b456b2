using WebRtcChat.Gateway;

namespace WebRtcChat.Testing;

/// <summary>
/// The gateway on a real port in front of in-process services: each service named in the routes goes to its address,
/// every other one to the fallback (a service the test does not run answers nothing there). Edge rate limits are raised:
/// tests and benchmarks exercise the services, not the throttling.
/// </summary>
public static class GatewayHost
{
    public static readonly IReadOnlyList<string> Services = ["identity", "messaging", "presence", "mediasfu", "recording", "search", "analytics"];

    /// <summary>The gateway's settings for <paramref name="routes"/>.</summary>
    public static Dictionary<string, string> Settings(IReadOnlyDictionary<string, Uri> routes, Uri fallback)
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(fallback);
        var settings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Gateway:RateLimiting:PerIp:PermitLimit"] = "10000000",
            ["Gateway:RateLimiting:PerUser:PermitLimit"] = "10000000",
            ["Gateway:RateLimiting:Credentials:PermitLimit"] = "10000000",
        };
        foreach (var service in Services)
        {
            settings[$"services:{service}:http:0"] = routes.GetValueOrDefault(service, fallback).AbsoluteUri.TrimEnd('/');
        }

        return settings;
    }

    /// <summary>Starts the gateway for <paramref name="routes"/> on a free port.</summary>
    public static (ServiceFactory<GatewayApp> Host, Uri Url) Start(IReadOnlyDictionary<string, Uri> routes, Uri fallback)
    {
        var host = new ServiceFactory<GatewayApp>(Settings(routes, fallback));
        return (host, host.ListenOnFreePort());
    }
}
