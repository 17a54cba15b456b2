using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WebRtcChat.Gateway.Edge;
using WebRtcChat.Gateway.Health;
using WebRtcChat.Gateway.Options;
using WebRtcChat.Gateway.Proxy;
using WebRtcChat.Gateway.Proxy.CallRouting;

namespace WebRtcChat.Gateway.Extensions;

/// <summary>The gateway: YARP routes from the <c>ReverseProxy</c> section, edge policies from the <c>Gateway</c> section.</summary>
public static class GatewayExtensions
{
    public const string ReverseProxySection = "ReverseProxy";

    public static IHostApplicationBuilder AddGateway(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.SectionName).ValidateOnStart();
        services.AddCallRouting();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddEdgePolicies();

        services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection(ReverseProxySection))
            .AddServiceDiscoveryDestinationResolver();

        // A probe must report what it sees now: no retries, no hedging (RemoveAllResilienceHandlers is marked experimental).
#pragma warning disable EXTEXP0001
        services.AddHttpClient(DownstreamHealthCheck.HttpClientName).RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        services.AddSingleton<IConfigureOptions<HealthCheckServiceOptions>, DownstreamHealthRegistrations>();
        return builder;
    }

    /// <summary>The edge middleware, in order: client address, request id, headers, CORS, rate limits, body limits, static page.</summary>
    public static WebApplication UseGatewayEdge(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseCors();
        app.UseRateLimiter();
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        return app;
    }

    /// <summary>The proxied routes (with ProblemDetails for forwarding failures) and the API reference.</summary>
    public static WebApplication MapGateway(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapReverseProxy(proxy =>
        {
            proxy.UseMiddleware<ProxyErrorMiddleware>();
            proxy.UseSessionAffinity();
            proxy.UseMiddleware<CallNodeRouting>();
            proxy.UseLoadBalancing();
            proxy.UsePassiveHealthChecks();
        });
        app.MapApiReference();
        return app;
    }
}
