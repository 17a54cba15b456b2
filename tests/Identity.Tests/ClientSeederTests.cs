using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenIddict.Abstractions;
using WebRtcChat.Testing;

namespace WebRtcChat.Identity.Tests;

/// <summary>
/// The configured OAuth clients are registered at start; a restart with the same configuration leaves the
/// registrations alone (no write, no EF), a changed client is written again on the next start.
/// </summary>
[Collection(IdentityCollection.Name)]
public sealed class ClientSeederTests(IdentityFixture fixture)
{
    private const string ClientId = "seeder-test-client";
    private const string FirstSecret = "seeder-first-secret-0123456789";
    private const string SecondSecret = "seeder-second-secret-0123456789";

    [Fact]
    public async Task A_restart_with_unchanged_clients_writes_nothing_and_a_changed_secret_is_applied_on_the_next_start()
    {
        var settings = new Dictionary<string, string>(fixture.Settings)
        {
            ["Auth:ServiceClients:1:ClientId"] = ClientId,
            ["Auth:ServiceClients:1:ClientSecret"] = FirstSecret,
        };
        await StartAndStopAsync(settings);
        var registered = await ConcurrencyTokenAsync();

        await StartAndStopAsync(settings);
        Assert.Equal(registered, await ConcurrencyTokenAsync());

        settings["Auth:ServiceClients:1:ClientSecret"] = SecondSecret;
        await using var changed = Start(settings);
        Assert.NotEqual(registered, await ConcurrencyTokenAsync());
        await using var scope = changed.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(ClientId) ?? throw new InvalidOperationException("not registered");
        Assert.True(await applications.ValidateClientSecretAsync(application, SecondSecret));
        Assert.False(await applications.ValidateClientSecretAsync(application, FirstSecret));
    }

    private static ServiceFactory<IdentityApp> Start(IReadOnlyDictionary<string, string> settings)
    {
        var host = new ServiceFactory<IdentityApp>(settings);
        _ = host.Services;
        return host;
    }

    private static async Task StartAndStopAsync(IReadOnlyDictionary<string, string> settings)
    {
        await using var host = Start(settings);
    }

    private async Task<string> ConcurrencyTokenAsync()
    {
        await using var connection = new NpgsqlConnection(fixture.Database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""SELECT "ConcurrencyToken" FROM "OpenIddictApplications" WHERE "ClientId" = @id""", connection);
        command.Parameters.AddWithValue("id", ClientId);
        return (string?)await command.ExecuteScalarAsync() ?? throw new InvalidOperationException($"{ClientId} is not registered");
    }
}
