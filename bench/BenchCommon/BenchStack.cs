using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WebRtcChat.Gateway;
using WebRtcChat.Identity;
using WebRtcChat.Testing;

namespace WebRtcChat.Bench;

/// <summary>
/// The real stores (through the test harness) and the services a benchmark starts on them, each on real Kestrel on a
/// free loopback port, configured as the AppHost would, with logging off so it does not compete for the CPU.
/// Disposing stops the services (last started first), then the stores.
/// </summary>
public sealed class BenchStack : IAsyncDisposable
{
    /// <summary>The public address Identity issues tokens under (the gateway's, in a deployment).</summary>
    public static readonly Uri Issuer = new("http://chat.example.test/");

    private readonly List<IAsyncDisposable> hosts = [];

    private BenchStack(TestInfrastructure infrastructure) => Infrastructure = infrastructure;

    public TestInfrastructure Infrastructure { get; }

    /// <summary>Starts the stores, then <paramref name="startServices"/> on them; stops everything if that fails.</summary>
    public static async Task<BenchStack> StartAsync(Func<BenchStack, Task> startServices)
    {
        ArgumentNullException.ThrowIfNull(startServices);
        var infrastructure = new TestInfrastructure();
        await infrastructure.InitializeAsync();
        var stack = new BenchStack(infrastructure);
        try
        {
            await startServices(stack);
            return stack;
        }
        catch
        {
            await stack.DisposeAsync();
            throw;
        }
    }

    /// <summary>The settings a service gets from the AppHost, with a fresh database under <paramref name="databaseName"/>; also returns that database.</summary>
    public async Task<(Dictionary<string, string> Settings, string Database)> SettingsWithDatabaseAsync(string databaseName)
    {
        var database = await Infrastructure.CreateDatabaseAsync(databaseName.Replace("db", string.Empty, StringComparison.Ordinal));
        return (ServiceSettings.For(Infrastructure, database, databaseName), database);
    }

    /// <summary>
    /// Identity on a fresh database; access tokens live long enough for the whole run, and the login attempt limits
    /// (per account and per address: every bench client is 127.0.0.1) are raised as far as they go, as the gateway's are.
    /// </summary>
    public async Task<(WebApplicationFactory<IdentityApp> Host, Uri Url)> StartIdentityAsync()
    {
        var (settings, _) = await SettingsWithDatabaseAsync("identitydb");
        settings["Auth:Issuer"] = Issuer.AbsoluteUri;
        settings["Auth:AccessTokenLifetime"] = "02:00:00";
        settings["Auth:LoginRateLimit:PerAccount:PermitLimit"] = "100000";
        settings["Auth:LoginRateLimit:PerIp:PermitLimit"] = "100000";
        return Start(new ServiceFactory<IdentityApp>(settings));
    }

    /// <summary>Makes a resource service's <paramref name="settings"/> trust the tokens of the Identity at <paramref name="identityUrl"/>.</summary>
    public static void TrustIdentity(Dictionary<string, string> settings, Uri identityUrl)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(identityUrl);
        settings["services:identity:http:0"] = identityUrl.AbsoluteUri;
        settings["Identity:Issuer"] = Issuer.AbsoluteUri;
    }

    /// <summary>
    /// The gateway, routing each service named in <paramref name="routes"/> to its address and every other one to
    /// <paramref name="fallback"/>. Rate limits are raised: a benchmark measures the services, not the edge throttling.
    /// </summary>
    public Uri StartGateway(IReadOnlyDictionary<string, Uri> routes, Uri fallback)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var settings = GatewayHost.Settings(routes, fallback);
        return Start(new ServiceFactory<GatewayApp>(settings)).Url;
    }

    /// <summary>Starts <paramref name="host"/> quietly on a free loopback port; stopped when the stack is disposed.</summary>
    public (WebApplicationFactory<T> Host, Uri Url) Start<T>(WebApplicationFactory<T> host, Action<IWebHostBuilder>? configure = null)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(host);
        var quiet = host.WithWebHostBuilder(web =>
        {
            web.ConfigureLogging(logging => logging.ClearProviders());
            configure?.Invoke(web);
        });
        hosts.Add(quiet);
        quiet.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        quiet.StartServer();
        var address = quiet.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return (quiet, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(hosts))
        {
            await host.DisposeAsync();
        }

        await Infrastructure.DisposeAsync();
    }
}
