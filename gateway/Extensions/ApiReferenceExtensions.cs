using Scalar.AspNetCore;
using Yarp.ReverseProxy.Configuration;

namespace WebRtcChat.Gateway.Extensions;

/// <summary>The Scalar API reference at <c>/scalar</c>: the gateway's own document and each service's, proxied at <c>/openapi/{service}/v1.json</c>.</summary>
internal static class ApiReferenceExtensions
{
    public static IEndpointConventionBuilder MapApiReference(this WebApplication app)
    {
        var services = app.Services.GetRequiredService<IProxyConfigProvider>().GetConfig().Clusters
            .Select(cluster => cluster.ClusterId)
            .ToList();

        return app.MapScalarApiReference(options =>
        {
            options.WithTitle("WebRtcChat API").DisableDefaultFonts();
            foreach (var service in services)
            {
                options.AddDocument(service, service, $"/openapi/{service}/v1.json", isDefault: service == services.FirstOrDefault());
            }

            options.AddDocument("gateway", "gateway", "/openapi/v1.json");
        });
    }
}
