using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebRtcChat.Gateway;
using WebRtcChat.Identity;
using WebRtcChat.Search;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench.Identity;

/// <summary>
/// The real stores (through the test harness), then Identity, Search (a resource service validating Identity's tokens,
/// with a bench-only authenticated <c>GET /bench/whoami</c>) and the gateway in front of them, each on real Kestrel on
/// a free loopback port, configured as the AppHost would. Logging is off so it does not compete for the CPU.
/// </summary>
internal sealed class IdentityStack : IAsyncDisposable
{
    public const string WhoAmIPath = "/bench/whoami";
    private static readonly Uri Issuer = new("http://chat.example.test/");

    private readonly TestInfrastructure infrastructure;
    private readonly List<IAsyncDisposable> hosts = [];

    private IdentityStack(TestInfrastructure infrastructure) => this.infrastructure = infrastructure;

    public WebApplicationFactory<IdentityApp> Identity { get; private set; } = null!;

    public WebApplicationFactory<SearchApp> Search { get; private set; } = null!;

    public Uri IdentityUrl { get; private set; } = null!;

    public Uri SearchUrl { get; private set; } = null!;

    public Uri GatewayUrl { get; private set; } = null!;

    public static async Task<IdentityStack> StartAsync()
    {
        var infrastructure = new TestInfrastructure();
        await infrastructure.InitializeAsync();
        var stack = new IdentityStack(infrastructure);
        try
        {
            await stack.StartServicesAsync();
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.DisposeAsync();
        }

        await infrastructure.DisposeAsync();
    }

    private async Task StartServicesAsync()
    {
        var identitySettings = ServiceSettings.For(infrastructure, await infrastructure.CreateDatabaseAsync("identity"), "identitydb");
        identitySettings["Auth:Issuer"] = Issuer.AbsoluteUri;
        (Identity, IdentityUrl) = Start(new ServiceFactory<IdentityApp>(identitySettings).WithWebHostBuilder(Quiet));

        var searchSettings = ServiceSettings.For(infrastructure, await infrastructure.CreateDatabaseAsync("search"), "searchdb");
        searchSettings["services:identity:http:0"] = IdentityUrl.AbsoluteUri;
        searchSettings["Identity:Issuer"] = Issuer.AbsoluteUri;
        (Search, SearchUrl) = Start(new ServiceFactory<SearchApp>(searchSettings).WithWebHostBuilder(web =>
        {
            Quiet(web);
            web.ConfigureServices(services => services.AddTransient<IStartupFilter, WhoAmI>());
        }));

        var gatewaySettings = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            // Generous limits: the benchmark measures the services, not the gateway's credential throttling.
            ["Gateway:RateLimiting:PerIp:PermitLimit"] = "10000000",
            ["Gateway:RateLimiting:PerUser:PermitLimit"] = "10000000",
            ["Gateway:RateLimiting:Credentials:PermitLimit"] = "10000000",
        };
        foreach (var service in new[] { "identity", "messaging", "presence", "mediasfu", "recording", "search", "analytics" })
        {
            gatewaySettings[$"services:{service}:http:0"] = (service == "search" ? SearchUrl : IdentityUrl).AbsoluteUri.TrimEnd('/');
        }

        (_, GatewayUrl) = Start(new ServiceFactory<GatewayApp>(gatewaySettings).WithWebHostBuilder(Quiet));
    }

    private (WebApplicationFactory<T> Host, Uri Url) Start<T>(WebApplicationFactory<T> host)
        where T : class
    {
        hosts.Add(host);
        host.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        host.StartServer();
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (host, new Uri(address));
    }

    private static void Quiet(IWebHostBuilder web) => web.ConfigureLogging(logging => logging.ClearProviders());

    /// <summary><c>GET /bench/whoami</c>: the caller's <c>sub</c> when the bearer token validates, else 401.</summary>
    private sealed class WhoAmI : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(WhoAmIPath, whoami => whoami.UseAuthentication().Run(context =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                }

                return context.Response.WriteAsync(context.User.FindFirst("sub")?.Value ?? string.Empty);
            }));
            next(app);
        };
    }
}
