using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>The identity of a service-to-service (client_credentials) token: the client is the subject; API audience.</summary>
public static class ServiceClientPrincipal
{
    public static async Task<ClaimsPrincipal> CreateAsync(IServiceProvider services, OpenIddictRequest request)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(request);
        var clientId = request.ClientId ?? throw new InvalidOperationException("The client was not authenticated.");
        var applications = services.GetRequiredService<IOpenIddictApplicationManager>();
        var application = await applications.FindByClientIdAsync(clientId)
                          ?? throw new InvalidOperationException("The client was not found.");

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, await applications.GetDisplayNameAsync(application) ?? clientId);

        // OpenIddict has already rejected scopes the client holds no permission for.
        identity.SetScopes(request.GetScopes());
        identity.SetResources(services.GetRequiredService<IOptions<AuthOptions>>().Value.Audience);
        identity.SetDestinations(_ => [Destinations.AccessToken]);
        return new ClaimsPrincipal(identity);
    }
}
