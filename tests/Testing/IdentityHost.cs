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

    private IdentityHost(ServiceFactory<IdentityApp> factory, Uri address, string database, IReadOnlyDictionary<string, string> settings)
    {
        Factory = factory;
        Address = address;
        Database = database;
        Settings = settings;
    }

    public ServiceFactory<IdentityApp> Factory { get; }

    /// <summary>Where Identity listens, e.g. <c>http://127.0.0.1:41234</c> (its tokens still name <see cref="Issuer"/>).</summary>
    public Uri Address { get; }

    /// <summary>The configuration Identity runs with, to run its command line or another instance on the same database.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Identity's database connection string.</summary>
    public string Database { get; }

    /// <summary>Starts Identity on <paramref name="database"/> (a fresh one when null); <paramref name="configure"/> adjusts its settings.</summary>
    public static async Task<IdentityHost> StartAsync(
        TestInfrastructure infrastructure, string? database = null, Action<Dictionary<string, string>>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(infrastructure);
        database ??= await infrastructure.CreateDatabaseAsync("identity");
        var settings = ServiceSettings.For(infrastructure, database, "identitydb");
        settings["Auth:Issuer"] = Issuer.AbsoluteUri;
        configure?.Invoke(settings);
        var factory = new ServiceFactory<IdentityApp>(settings);
        return new IdentityHost(factory, factory.ListenOnFreePort(), database, settings);
    }

    /// <summary>Makes a resource service's <paramref name="settings"/> trust this Identity's tokens.</summary>
    public void Trust(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["services:identity:http:0"] = Address.AbsoluteUri;
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
