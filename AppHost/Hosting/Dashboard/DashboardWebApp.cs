using System.Net;
using Aspire.Hosting.Dashboard.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Dashboard;

/// <summary>
/// A bare Kestrel app on one address, isolated from the AppHost's configuration (no appsettings,
/// no ASPNETCORE_URLS), logging only warnings.
/// </summary>
internal static class DashboardWebApp
{
    public static WebApplication Create(Uri url, Action<IServiceCollection> addServices)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "AppHost.Dashboard" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => Listen(kestrel, url));
        builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);

        // A failed start is rethrown as a one-line DistributedApplicationException; the host's own stack-trace report would only repeat it.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        builder.Services.AddRoutingCore();
        builder.Services.ConfigureHttpJsonOptions(json => DashboardJson.Configure(json.SerializerOptions));
        addServices(builder.Services);
        return builder.Build();
    }

    /// <summary>
    /// Starts <paramref name="app"/> and returns the address it actually listens on (a configured port 0
    /// becomes the chosen one). A taken port is a <see cref="DistributedApplicationException"/> naming the setting.
    /// </summary>
    public static async Task<Uri> StartAsync(WebApplication app, Uri url, string setting, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException problem) when (problem.InnerException is AddressInUseException
            || problem.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            throw new DistributedApplicationException(
                $"The dashboard cannot listen on {Display(url)}: the port is in use. Set {setting} to another address.", problem);
        }
        catch (IOException problem)
        {
            throw new DistributedApplicationException(
                $"The dashboard cannot listen on {Display(url)}: {problem.Message.ReplaceLineEndings(" ")} Set {setting} to another address.", problem);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .Select(address => new Uri(address))
            .FirstOrDefault();
        var host = IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
            ? "localhost"
            : url.Host;
        return new UriBuilder(url) { Host = host, Port = bound?.Port ?? url.Port, Path = "/" }.Uri;
    }

    private static void Listen(KestrelServerOptions kestrel, Uri url)
    {
        if (url.IsLoopback && string.Equals(url.Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            // Kestrel cannot pick a dynamic port for "localhost" (two sockets, IPv4 and IPv6): use IPv4 loopback.
            if (url.Port == 0)
            {
                kestrel.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                kestrel.ListenLocalhost(url.Port);
            }
        }
        else if (IPAddress.TryParse(url.Host.Trim('[', ']'), out var address))
        {
            kestrel.Listen(address, url.Port);
        }
        else
        {
            kestrel.ListenAnyIP(url.Port);
        }
    }

    private static string Display(Uri url) => url.GetLeftPart(UriPartial.Authority);
}
