using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using WebRtcChat.Identity;

namespace WebRtcChat.Testing;

/// <summary>
/// The Identity service listening on a real port (resource services fetch discovery and JWKS over HTTP), issuing tokens
/// under <see cref="Issuer"/> as the AppHost configures it, for tests of the services that trust those tokens.
/// </summary>
public sealed class IdentityHost : IAsyncDisposable
{
    /// <summary>The public address tokens are issued under (the gateway's, in a deployment).</summary>
    public static readonly Uri Issuer = new("http://chat.example.test/");

    private IdentityHost(ServiceFactory<IdentityApp> factory, string address, string database)
    {
        Factory = factory;
        Address = address;
        Database = database;
    }

    public ServiceFactory<IdentityApp> Factory { get; }

    /// <summary>Where Identity listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Address { get; }

    /// <summary>Identity's database connection string.</summary>
    public string Database { get; }

    /// <summary>Starts Identity on <paramref name="database"/> (a fresh one when null).</summary>
    public static async Task<IdentityHost> StartAsync(TestInfrastructure infrastructure, string? database = null)
    {
        database ??= await infrastructure.CreateDatabaseAsync("identity");
        var settings = ServiceSettings.For(infrastructure, database, "identitydb");
        settings["Auth:Issuer"] = Issuer.AbsoluteUri;
        var factory = new ServiceFactory<IdentityApp>(settings);
        factory.UseKestrel(0);
        factory.StartServer();
        var address = factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new IdentityHost(factory, address, database);
    }

    /// <summary>Makes a resource service's <paramref name="settings"/> trust this Identity's tokens.</summary>
    public void Trust(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["services:identity:http:0"] = Address;
        settings["Identity:Issuer"] = Issuer.AbsoluteUri;
    }

    /// <summary>Registers a fresh account and returns it with its access token.</summary>
    public async Task<TestUser> RegisterAsync(string? name = null)
    {
        using var http = Factory.CreateClient();
        return await TestUser.RegisterAsync(http, name);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
