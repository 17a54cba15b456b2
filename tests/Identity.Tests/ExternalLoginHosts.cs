using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// Two Identity instances, each on its own database: the provider, listening on a real port with a confidential
/// relying party registered for the other, and the app, in-process at <c>http://localhost</c>, configured with the
/// provider as the generic OpenID Connect provider <see cref="ProviderName"/>. The app reaches the provider over HTTP.
/// </summary>
internal sealed class ExternalLoginHosts : IAsyncDisposable
{
    public const string ProviderName = "partner";
    public const string ReturnUrl = "http://webclient.test/auth/external";
    private const string AppAuthority = "localhost";
    private const string RelyingPartyId = "webrtcchat-partner-login";
    private const string RelyingPartySecret = "partner-login-secret-1234567890";

    private ExternalLoginHosts(ServiceFactory<IdentityApp> provider, Uri providerAddress, string providerDatabase, ServiceFactory<IdentityApp> app, string appDatabase)
    {
        Provider = provider;
        ProviderAddress = providerAddress;
        ProviderDatabase = providerDatabase;
        App = app;
        AppDatabase = appDatabase;
    }

    public ServiceFactory<IdentityApp> Provider { get; }

    public Uri ProviderAddress { get; }

    public string ProviderDatabase { get; }

    public ServiceFactory<IdentityApp> App { get; }

    public string AppDatabase { get; }

    public static async Task<ExternalLoginHosts> StartAsync(TestInfrastructure infrastructure)
    {
        var providerDatabase = await infrastructure.CreateDatabaseAsync("provider");
        var providerSettings = ServiceSettings.For(infrastructure, providerDatabase, "identitydb");
        providerSettings["Auth:RelyingParties:0:ClientId"] = RelyingPartyId;
        providerSettings["Auth:RelyingParties:0:ClientSecret"] = RelyingPartySecret;
        providerSettings["Auth:RelyingParties:0:DisplayName"] = "WebRtcChat (test app)";
        providerSettings["Auth:RelyingParties:0:RedirectUris:0"] = $"http://{AppAuthority}/api/auth/external/{ProviderName}/callback";
        var provider = new ServiceFactory<IdentityApp>(providerSettings);
        var providerAddress = provider.ListenOnFreePort();

        var appDatabase = await infrastructure.CreateDatabaseAsync("identity");
        var appSettings = ServiceSettings.For(infrastructure, appDatabase, "identitydb");
        appSettings[$"Auth:ExternalProviders:{ProviderName}:Authority"] = providerAddress.AbsoluteUri;
        appSettings[$"Auth:ExternalProviders:{ProviderName}:ClientId"] = RelyingPartyId;
        appSettings[$"Auth:ExternalProviders:{ProviderName}:ClientSecret"] = RelyingPartySecret;
        appSettings[$"Auth:ExternalProviders:{ProviderName}:DisplayName"] = "Partner";
        appSettings["Auth:ExternalLoginReturnUrl"] = ReturnUrl;
        appSettings["Auth:PublicUrl"] = $"http://{AppAuthority}/";
        var app = new ServiceFactory<IdentityApp>(appSettings);
        using var health = await app.CreateClient().GetAsync(new Uri("/alive", UriKind.Relative));
        health.EnsureSuccessStatusCode();
        return new ExternalLoginHosts(provider, providerAddress, providerDatabase, app, appDatabase);
    }

    /// <summary>A browser that can reach both instances (as the user <paramref name="login"/> at the provider).</summary>
    public TestBrowser Browser(string login) => new(
        new TestNetwork(new Dictionary<string, HttpMessageHandler>(StringComparer.OrdinalIgnoreCase)
        {
            [AppAuthority] = App.Server.CreateHandler(),
            [ProviderAddress.Authority] = new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false },
        }),
        login);

    public HttpClient CreateProviderClient() => new() { BaseAddress = ProviderAddress };

    /// <summary>Marks the account's email confirmed (or not) directly in <paramref name="database"/>.</summary>
    public static async Task SetEmailConfirmedAsync(string database, string userName, bool confirmed)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""UPDATE "AspNetUsers" SET "EmailConfirmed" = @confirmed WHERE "UserName" = @name""", connection);
        command.Parameters.AddWithValue("confirmed", confirmed);
        command.Parameters.AddWithValue("name", userName);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Provider.DisposeAsync();
    }
}
