using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Core;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Registers the OpenIddict clients at start-up (after migrations) and brings existing registrations up to date:
/// the first-party web client (public: authorization code with PKCE required, password, external login code and
/// refresh_token grants, revocation, end-session), the confidential relying parties from <c>Auth:RelyingParties</c>
/// (authorization code and refresh_token) and the confidential service-to-service clients from
/// <c>Auth:ServiceClients</c> (client_credentials only). Registrations already written from the same configuration
/// (<see cref="ClientFingerprints"/>) are left as they are.
/// </summary>
internal sealed class ClientSeeder(IServiceScopeFactory scopes, ClientFingerprints fingerprints, IOptions<AuthOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var descriptors = Descriptors(options.Value).Select(d => (Descriptor: d, Fingerprint: ClientFingerprints.Stamp(d))).ToList();
        var stored = await fingerprints.StoredAsync([.. descriptors.Select(d => d.Descriptor.ClientId!)], cancellationToken);
        var changed = descriptors.Where(d => stored.GetValueOrDefault(d.Descriptor.ClientId!) != d.Fingerprint).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        foreach (var (descriptor, _) in changed)
        {
            await UpsertAsync(applications, descriptor, cancellationToken);
        }
    }

    private static IEnumerable<OpenIddictApplicationDescriptor> Descriptors(AuthOptions auth) =>
        [WebClient(auth), .. auth.RelyingParties.Select(RelyingParty), .. auth.ServiceClients.Select(ServiceClient)];

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static OpenIddictApplicationDescriptor WebClient(AuthOptions auth)
    {
        var client = UserClient(
            AuthOptions.WebClientId, ClientTypes.Public, "WebRtcChat web client", auth.WebClientRedirectUris, auth.WebClientPostLogoutRedirectUris);
        client.Permissions.UnionWith([Permissions.GrantTypes.Password, Permissions.Prefixes.GrantType + External.ExternalLoginCodes.GrantType]);
        client.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
        return client;
    }

    private static OpenIddictApplicationDescriptor RelyingParty(RelyingPartyOptions party)
    {
        if (string.IsNullOrWhiteSpace(party.ClientId) || string.IsNullOrWhiteSpace(party.ClientSecret) || party.RedirectUris.Count == 0)
        {
            throw new InvalidOperationException("Every Auth:RelyingParties entry needs a ClientId, a ClientSecret and at least one RedirectUris entry.");
        }

        RefuseWebClientId(party.ClientId, "relying party");
        var client = UserClient(
            party.ClientId, ClientTypes.Confidential, party.DisplayName ?? party.ClientId, party.RedirectUris, party.PostLogoutRedirectUris);
        client.ClientSecret = party.ClientSecret;
        return client;
    }

    /// <summary>A client that signs users in: the code flow with refresh, explicit consent, the user scopes, end-session.</summary>
    private static OpenIddictApplicationDescriptor UserClient(
        string clientId, string clientType, string displayName, IEnumerable<Uri> redirectUris, IEnumerable<Uri> postLogoutRedirectUris)
    {
        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = clientType,
            ConsentType = ConsentTypes.Explicit,
            DisplayName = displayName,
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code,
                Permissions.Prefixes.Scope + Scopes.Profile,
                Permissions.Prefixes.Scope + Scopes.Email,
                Permissions.Prefixes.Scope + Scopes.Roles,
            },
        };
        client.RedirectUris.UnionWith(redirectUris);
        client.PostLogoutRedirectUris.UnionWith(postLogoutRedirectUris);
        return client;
    }

    private static void RefuseWebClientId(string clientId, string kind)
    {
        if (clientId == AuthOptions.WebClientId)
        {
            throw new InvalidOperationException($"A {kind} cannot use the web client's id '{AuthOptions.WebClientId}'.");
        }
    }

    private static OpenIddictApplicationDescriptor ServiceClient(ServiceClientOptions client)
    {
        if (string.IsNullOrWhiteSpace(client.ClientId) || string.IsNullOrWhiteSpace(client.ClientSecret))
        {
            throw new InvalidOperationException("Every Auth:ServiceClients entry needs a ClientId and a ClientSecret.");
        }

        RefuseWebClientId(client.ClientId, "service client");

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
