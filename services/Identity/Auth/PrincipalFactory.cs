using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>Builds the claims a user's tokens carry: sub, name, email, roles, the granted scopes and the API audience.</summary>
public sealed class PrincipalFactory(UserManager<User> users, IOptions<AuthOptions> options)
{
    private static readonly string[] AllowedScopes = [Scopes.OpenId, Scopes.OfflineAccess, Scopes.Profile, Scopes.Email, Scopes.Roles];

    public async Task<ClaimsPrincipal> CreateAsync(User user, IEnumerable<string> requestedScopes)
    {
        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Id.ToString())
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaims(Claims.Role, [.. await users.GetRolesAsync(user)]);

        var scopes = requestedScopes.Intersect(AllowedScopes, StringComparer.Ordinal).ToList();
        identity.SetScopes(scopes);
        identity.SetResources(options.Value.Audience);
        identity.SetDestinations(claim => Destinations(claim, scopes));
        return new ClaimsPrincipal(identity);
    }

    private static string[] Destinations(Claim claim, List<string> scopes) => claim.Type switch
    {
        Claims.Name or Claims.PreferredUsername when scopes.Contains(Scopes.Profile) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Email when scopes.Contains(Scopes.Email) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.Role when scopes.Contains(Scopes.Roles) => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        _ => [OpenIddictConstants.Destinations.AccessToken],
    };
}
