using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to the application: userinfo and end-session. Revocation is
/// handled by OpenIddict itself. OpenIddict has already validated the access token / <c>id_token_hint</c> and client.
/// </summary>
public static class OidcEndpoints
{
    public const string UserInfoPath = "/connect/userinfo";
    public const string RevocationPath = "/connect/revoke";
    public const string EndSessionPath = "/connect/endsession";
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(UserInfoPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)UserInfoAsync).ExcludeFromDescription();
        app.MapMethods(EndSessionPath, [HttpMethods.Get, HttpMethods.Post], (Delegate)EndSessionAsync).ExcludeFromDescription();
        return app;
    }

    /// <summary>The user's current claims, as far as the access token's scopes allow.</summary>
    public static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var result = await context.AuthenticateAsync(Scheme);
        var principal = result.Principal;
        var subject = principal?.GetClaim(Claims.Subject);
        var users = context.RequestServices.GetRequiredService<UserManager<User>>();
        var user = Guid.TryParse(subject, out _) ? await users.FindByIdAsync(subject!) : null;
        if (principal is null || user is null)
        {
            // A service (client_credentials) token, or a user that no longer exists.
            return ServerErrors.Challenge(Errors.InvalidToken, "The access token does not belong to a user.");
        }

        var claims = new Dictionary<string, object?>(StringComparer.Ordinal) { [Claims.Subject] = user.Id.ToString() };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.UserName;
            claims[Claims.PreferredUsername] = user.UserName;
        }

        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = user.EmailConfirmed;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = await users.GetRolesAsync(user);
        }

        return Results.Ok(claims);
    }

    /// <summary>
    /// RP-initiated logout: revokes every session of the user named by <c>id_token_hint</c> (when given), then lets
    /// OpenIddict redirect to the <c>post_logout_redirect_uri</c> if it is registered for the client, else answer 200.
    /// </summary>
    public static async Task<IResult> EndSessionAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The login cookie of the authorize flow ends with the session.
        await context.SignOutAsync(IdentityConstants.ApplicationScheme);
        var result = await context.AuthenticateAsync(Scheme);
        if (result.Principal?.GetClaim(Claims.Subject) is { } subject)
        {
            var services = context.RequestServices;
            await SessionRevocation.RevokeAllAsync(
                services.GetRequiredService<IOpenIddictAuthorizationManager>(),
                services.GetRequiredService<IOpenIddictTokenManager>(),
                subject,
                context.RequestAborted);
        }

        return Results.SignOut(authenticationSchemes: [Scheme]);
    }
}
