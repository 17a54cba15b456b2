using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Registers the OpenIddict clients at start-up (after migrations) and brings existing registrations up to date:
/// the first-party web client (public: password and refresh_token grants, revocation, end-session) and the
/// confidential service-to-service clients from <c>Auth:ServiceClients</c> (client_credentials only).
/// </summary>
internal sealed class ClientSeeder(IServiceScopeFactory scopes, IOptions<AuthOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await UpsertAsync(applications, WebClient(options.Value), cancellationToken);
        foreach (var client in options.Value.ServiceClients)
        {
            await UpsertAsync(applications, ServiceClient(client), cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor WebClient(AuthOptions auth)
    {
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = AuthOptions.WebClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "WebRtcChat web client",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Prefixes.Scope + Scopes.Profile,
                Permissions.Prefixes.Scope + Scopes.Email,
                Permissions.Prefixes.Scope + Scopes.Roles,
            },
        };
        foreach (var uri in auth.WebClientPostLogoutRedirectUris)
        {
            client.PostLogoutRedirectUris.Add(uri);
        }

        return client;
    }

    private static OpenIddictApplicationDescriptor ServiceClient(ServiceClientOptions client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrWhiteSpace(client.ClientSecret))
        {
            throw new InvalidOperationException("Every Auth:ServiceClients entry needs a ClientId and a ClientSecret.");
        }

        if (client.ClientId == AuthOptions.WebClientId)
        {
            throw new InvalidOperationException($"A service client cannot use the web client's id '{AuthOptions.WebClientId}'.");
        }

        return new OpenIddictApplicationDescriptor
        {
            ClientId = client.ClientId,
            ClientSecret = client.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = client.DisplayName ?? client.ClientId,
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.ClientCredentials,
            },
        };
    }

    private static async Task UpsertAsync(
        IOpenIddictApplicationManager applications, OpenIddictApplicationDescriptor descriptor, CancellationToken cancellationToken)
    {
        var clientId = descriptor.ClientId!;
        if (await applications.FindByClientIdAsync(clientId, cancellationToken) is { } existing)
        {
            try
            {
                // Re-applies permissions, redirect URIs and (hashed again) the secret from configuration.
                await applications.UpdateAsync(existing, descriptor, cancellationToken);
            }
            catch (OpenIddictExceptions.ConcurrencyException)
            {
                // Another instance updated it at the same time, from the same configuration.
            }

            return;
        }

        try
        {
            await applications.CreateAsync(descriptor, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance may have registered it at the same time; anything else is a real failure.
            if (await applications.FindByClientIdAsync(clientId, cancellationToken) is null)
            {
                throw;
            }
        }
    }
}
