using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace WebRtcChat.Gateway.Tests.Infrastructure;

/// <summary>The real gateway app on real Kestrel (a free port on 127.0.0.1), configured like the AppHost does it.</summary>
public sealed class GatewayHost : WebApplicationFactory<GatewayApp>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private GatewayHost(IReadOnlyDictionary<string, string?> settings)
    {
        _settings = settings;
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
    }

    public Uri Address => new(Services.GetRequiredService<IServer>().Features
        .GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static GatewayHost Start(IReadOnlyDictionary<string, string?> settings)
    {
        var host = new GatewayHost(settings);
        try
        {
            host.StartServer();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>A client that talks to the gateway over the network, as a browser or app would.</summary>
    public HttpClient CreateNetworkClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(_settings));
    }
}
