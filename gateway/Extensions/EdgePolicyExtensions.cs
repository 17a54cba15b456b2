using System.Net;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using WebRtcChat.Gateway.Edge;
using WebRtcChat.Gateway.Options;
using WebRtcChat.Gateway.RateLimiting;

namespace WebRtcChat.Gateway.Extensions;

/// <summary>The framework policies the gateway enforces at the edge, each configured from <see cref="GatewayOptions"/>.</summary>
internal static class EdgePolicyExtensions
{
    public static IServiceCollection AddEdgePolicies(this IServiceCollection services)
    {
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<GatewayOptions>>((forwarded, gateway) =>
        {
            var trusted = gateway.Value.ForwardedHeaders;
            // With no known proxy at all, the middleware would trust every peer: then it must not read the headers.
            forwarded.ForwardedHeaders = trusted.KnownProxies.Length == 0 && trusted.KnownNetworks.Length == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in trusted.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in trusted.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });

        services.AddCors();
        services.AddOptions<CorsOptions>().Configure<IOptions<GatewayOptions>>((cors, gateway) =>
            cors.AddDefaultPolicy(policy => policy
                .WithOrigins(gateway.Value.Cors.AllowedOrigins)
                .AllowCredentials()
                .AllowAnyHeader()
                .AllowAnyMethod()
                .WithExposedHeaders(RequestIdMiddleware.HeaderName, "Retry-After", "Location")
                .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<GatewayOptions>>((limiter, gateway) =>
        {
            limiter.GlobalLimiter = EdgeRateLimiter.Create(gateway.Value.RateLimiting);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.OnRejectedAsync;
        });

        return services;
    }
}
