using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>Registers the first-party web client at start-up (after migrations): public, password and refresh_token grants.</summary>
internal sealed class ClientSeeder(IServiceScopeFactory scopes) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        if (await applications.FindByClientIdAsync(AuthOptions.WebClientId, cancellationToken) is not null)
        {
            return;
        }

        var client = new OpenIddictApplicationDescriptor
        {
            ClientId = AuthOptions.WebClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "WebRtcChat web client",
            Permissions =
            {
                Permissions.Endpoints.Token,
                Permissions.Endpoints.Revocation,
                Permissions.GrantTypes.Password,
                Permissions.GrantTypes.RefreshToken,
                Permissions.Prefixes.Scope + Scopes.Profile,
                Permissions.Prefixes.Scope + Scopes.Email,
                Permissions.Prefixes.Scope + Scopes.Roles,
            },
        };
        try
        {
            await applications.CreateAsync(client, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance may have registered it at the same time; anything else is a real failure.
            if (await applications.FindByClientIdAsync(AuthOptions.WebClientId, cancellationToken) is null)
            {
                throw;
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
