using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using WebRtcChat.Identity.Auth.External;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// The grants OpenIddict passes through to the application at <c>/connect/token</c>: password and the external login
/// code (first-party client only, by permission), authorization_code, refresh_token and client_credentials (service
/// clients only, by permission). OpenIddict has already validated the client and, for a code or refresh, the token
/// (PKCE and redirect_uri included).
/// </summary>
public static class TokenEndpoint
{
    public const string Path = "/connect/token";
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;

    public static IEndpointRouteBuilder MapTokenEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, (Delegate)ExchangeAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> ExchangeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var services = context.RequestServices;
        if (request.IsPasswordGrantType())
        {
            if (await ThrottleAsync(context, request.Username) is { } throttled)
            {
                return throttled;
            }

            var user = await services.GetRequiredService<PasswordVerifier>().VerifyAsync(request.Username, request.Password);
            if (user is null)
            {
                return ServerErrors.Forbid(Errors.InvalidGrant, "The login or password is incorrect.");
            }

            await services.GetRequiredService<SignInRecorder>().RecordAsync(user, SignInMethods.Password, request.ClientId, context.RequestAborted);
            return await SignInAsync(services, user, request.GetScopes());
        }

        if (request.GrantType == ExternalLoginCodes.GrantType)
        {
            var code = request.GetParameter(ExternalLoginCodes.CodeParameter)?.ToString();
            var user = await services.GetRequiredService<ExternalLoginCodes>().RedeemAsync(code, context.RequestAborted);
            return user is null
                ? ServerErrors.Forbid(Errors.InvalidGrant, "The sign-in code is invalid, expired or already used.")
                : await SignInAsync(services, user, request.GetScopes());
        }

        if (request.IsRefreshTokenGrantType() || request.IsAuthorizationCodeGrantType())
        {
            var result = await context.AuthenticateAsync(Scheme);
            var subject = result.Principal?.GetClaim(Claims.Subject);
            var users = services.GetRequiredService<UserManager<User>>();
            var user = subject is null ? null : await users.FindByIdAsync(subject);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return ServerErrors.Forbid(Errors.InvalidGrant, "The authorization code or refresh token is no longer valid.");
            }

            return await SignInAsync(services, user, result.Principal!.GetScopes());
        }

        if (request.IsClientCredentialsGrantType())
        {
            // OpenIddict has authenticated the confidential client (secret) and checked its grant permission.
            return Results.SignIn(await ServiceClientPrincipal.CreateAsync(services, request), authenticationScheme: Scheme);
        }

        return ServerErrors.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    /// <summary>
    /// The login rate limit for direct calls to this endpoint; <c>/api/auth/login</c> applies it before it calls in
    /// process, so an attempt is counted once.
    /// </summary>
    private static async Task<IResult?> ThrottleAsync(HttpContext context, string? login)
    {
        if (InProcessTokenClient.IsInProcess(context) || string.IsNullOrEmpty(login))
        {
            return null;
        }

        var limiter = context.RequestServices.GetRequiredService<LoginRateLimiter>();
        return await limiter.TryAttemptAsync(login, context.Connection.RemoteIpAddress) is { } retryAfter
            ? Apis.AccountProblems.TooManyAttempts(context.Response, retryAfter)
            : null;
    }

    private static async Task<IResult> SignInAsync(IServiceProvider services, User user, IEnumerable<string> scopes)
    {
        var principal = await services.GetRequiredService<PrincipalFactory>().CreateAsync(user, scopes);
        return Results.SignIn(principal, authenticationScheme: Scheme);
    }
}
