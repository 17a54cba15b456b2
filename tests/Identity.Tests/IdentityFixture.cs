using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>The real stores, started once, and one Identity service on a fresh database. Tests isolate by fresh users.</summary>
public sealed class IdentityFixture : IAsyncLifetime
{
    private readonly TestInfrastructure infrastructure = new();
    private ServiceFactory<IdentityApp>? host;

    /// <summary>The service-to-service client the tests configure (client_credentials).</summary>
    public const string ServiceClientId = "test-service";

    public const string ServiceClientSecret = "test-service-secret-1234567890";

    /// <summary>Registered for the web client as a <c>post_logout_redirect_uri</c>.</summary>
    public const string PostLogoutRedirectUri = "http://localhost/signed-out";

    /// <summary>Registered for the web client as a <c>redirect_uri</c> of the code flow (the browser stops there).</summary>
    public const string WebClientRedirectUri = "http://127.0.0.1/callback";

    /// <summary>A confidential relying party (code flow with a secret; no password grant).</summary>
    public const string RelyingPartyId = "test-relying-party";

    public const string RelyingPartySecret = "test-relying-party-secret-123456";

    public const string RelyingPartyRedirectUri = "http://127.0.0.1/relying-party/callback";

    private ExternalLoginHosts? externalLogin;

    public string Database { get; private set; } = string.Empty;

    /// <summary>The stores, for tests that host another service next to Identity.</summary>
    public TestInfrastructure Infrastructure => infrastructure;

    /// <summary>The configuration the host runs with, to start another instance on the same database.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; private set; } = new Dictionary<string, string>();

    /// <summary>The mail catcher's REST API, where the service's mail arrives.</summary>
    public Uri MailApi => infrastructure.MailApi;

    public ServiceFactory<IdentityApp> Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        await infrastructure.InitializeAsync();
        Database = await infrastructure.CreateDatabaseAsync("identity");
        var settings = ServiceSettings.For(infrastructure, Database, "identitydb");
        AddClients(settings);
        Settings = settings;
        host = new ServiceFactory<IdentityApp>(settings);
        using var client = host.CreateClient();
        using var health = await client.GetAsync("/alive");
        health.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// The clients every Identity instance on the shared database registers: each start re-applies its configuration
    /// to the registrations, so all of them must carry the same.
    /// </summary>
    public static void AddClients(Dictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings["Auth:MaxFailedAccessAttempts"] = "5";
        settings["Auth:ServiceClients:0:ClientId"] = ServiceClientId;
        settings["Auth:ServiceClients:0:ClientSecret"] = ServiceClientSecret;
        settings["Auth:WebClientPostLogoutRedirectUris:0"] = PostLogoutRedirectUri;
        settings["Auth:WebClientRedirectUris:0"] = WebClientRedirectUri;
        settings["Auth:RelyingParties:0:ClientId"] = RelyingPartyId;
        settings["Auth:RelyingParties:0:ClientSecret"] = RelyingPartySecret;
        settings["Auth:RelyingParties:0:RedirectUris:0"] = RelyingPartyRedirectUri;
    }

    /// <summary>An Identity instance with an external provider (another Identity instance), started on first use.</summary>
    internal async Task<ExternalLoginHosts> ExternalLoginAsync() => externalLogin ??= await ExternalLoginHosts.StartAsync(infrastructure);

    public async Task DisposeAsync()
    {
        if (externalLogin is not null)
        {
            await externalLogin.DisposeAsync();
        }

        if (host is not null)
        {
            await host.DisposeAsync();
        }

        await infrastructure.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityFixture>
{
    public const string Name = "identity";
}
