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
        settings["Auth:MaxFailedAccessAttempts"] = "5";
        settings["Auth:ServiceClients:0:ClientId"] = ServiceClientId;
        settings["Auth:ServiceClients:0:ClientSecret"] = ServiceClientSecret;
        settings["Auth:WebClientPostLogoutRedirectUris:0"] = PostLogoutRedirectUri;
        Settings = settings;
        host = new ServiceFactory<IdentityApp>(settings);
        using var client = host.CreateClient();
        using var health = await client.GetAsync("/alive");
        health.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
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
