using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Apis;

/// <summary>The seed's account API: register, login, refresh, logout, me, plus the mailed account flows (<see cref="AccountApi"/>). Tokens come from the OpenIddict server.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuth(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapPost("/register", RegisterAsync);
        group.MapPost("/login", LoginAsync);
        group.MapPost("/refresh", RefreshAsync);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(Bearer);
        group.MapGet("/me", MeAsync).RequireAuthorization(Bearer);
        group.MapAccountFlows();
        group.MapAccountDeletion();
        return group;
    }

    internal static void Bearer(Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder policy) => policy
        .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
        .RequireAuthenticatedUser();

    public static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        RegisterRequest request, [AsParameters] AuthServices services, AccountMailFlows mail, CancellationToken cancellationToken)
    {
        var errors = RegistrationErrors(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await services.Users.FindByNameAsync(request.Username!) is not null)
        {
            return AuthProblems.AccountExists("username");
        }

        if (await services.Users.FindByEmailAsync(request.Email!) is not null)
        {
            return AuthProblems.AccountExists("email");
        }

        var now = services.Time.GetUtcNow();
        var user = new User { Id = Guid.CreateVersion7(), UserName = request.Username, Email = request.Email, CreatedAt = now };

        // Identity's store saves the user with one SaveChanges: the outbox row commits in the same transaction.
        services.Db.AddIntegrationEvent(new UserRegistered(user.Id, user.UserName!, user.Email!, now));
        IdentityResult created;
        try
        {
            created = await services.Users.CreateAsync(user, request.Password!);
        }
        catch (DbUpdateException)
        {
            services.Db.ChangeTracker.Clear();
            return AuthProblems.AccountExists("username or email");
        }

        if (!created.Succeeded)
        {
            services.Db.ChangeTracker.Clear();
            return created.Errors.Any(e => e.Code is "DuplicateUserName" or "DuplicateEmail")
                ? AuthProblems.AccountExists(created.Errors.Any(e => e.Code == "DuplicateEmail") ? "email" : "username")
                : TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["password"] = [.. created.Errors.Select(e => e.Description)],
                });
        }

        // The account is committed; a confirmation mail that cannot be prepared or sent is logged, never fatal.
        await mail.SendEmailConfirmationAsync(user, cancellationToken);

        var tokens = await services.Tokens.PasswordAsync(services.HttpContext, user.UserName!, request.Password!, cancellationToken);
        if (!tokens.Succeeded)
        {
            throw new InvalidOperationException($"The token server refused a freshly registered account: {tokens.Error}");
        }

        return TypedResults.Created("/api/auth/me", Response(tokens, user));
    }

    public static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> LoginAsync(
        LoginRequest request, [AsParameters] AuthServices services, LoginRateLimiter limiter, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || string.IsNullOrEmpty(request.Password))
        {
            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            Add(errors, "login", string.IsNullOrWhiteSpace(request.Login) ? "The login (username or email) is required." : null);
            Add(errors, "password", string.IsNullOrEmpty(request.Password) ? "The password is required." : null);
            return TypedResults.ValidationProblem(errors);
        }

        if (await limiter.TryAttemptAsync(request.Login, services.HttpContext.Connection.RemoteIpAddress) is { } retryAfter)
        {
            return AccountProblems.TooManyAttempts(services.HttpContext.Response, retryAfter);
        }

        var tokens = await services.Tokens.PasswordAsync(services.HttpContext, request.Login, request.Password, cancellationToken);
        if (!tokens.Succeeded)
        {
            return AuthProblems.InvalidCredentials();
        }

        var user = await UserOfAsync(services, tokens.AccessToken!);
        return user is null ? AuthProblems.InvalidCredentials() : TypedResults.Ok(Response(tokens, user));
    }

    public static Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken) =>
        ExchangeAsync(
            services, "refreshToken", request.RefreshToken, "The refresh token is required.",
            refreshToken => services.Tokens.RefreshAsync(services.HttpContext, refreshToken, cancellationToken),
            AuthProblems.InvalidRefreshToken);

    /// <summary>Trades a required credential (<paramref name="field"/>) for tokens, answered in the seed's shape.</summary>
    internal static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> ExchangeAsync(
        AuthServices services, string field, string? credential, string requiredMessage, Func<string, Task<TokenResponse>> exchange,
        Func<ProblemHttpResult> refused)
    {
        if (string.IsNullOrWhiteSpace(credential))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [requiredMessage] });
        }

        var tokens = await exchange(credential);
        var user = tokens.Succeeded ? await UserOfAsync(services, tokens.AccessToken!) : null;
        return user is null ? refused() : TypedResults.Ok(Response(tokens, user));
    }

    /// <summary>Ends the session: revokes its authorization and every token issued under it (all of the user's when none).</summary>
    public static async Task<NoContent> LogoutAsync([AsParameters] AuthServices services, CancellationToken cancellationToken)
    {
        var principal = services.HttpContext.User;
        if (principal.GetAuthorizationId() is { } authorizationId)
        {
            await SessionRevocation.RevokeSessionAsync(services.Authorizations, services.TokenManager, authorizationId, cancellationToken);
        }
        else if (principal.GetClaim(Claims.Subject) is { } subject)
        {
            await SessionRevocation.RevokeAllAsync(services.Authorizations, services.TokenManager, subject, cancellationToken);
        }

        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<UserDto>, UnauthorizedHttpResult>> MeAsync([AsParameters] AuthServices services)
    {
        var subject = services.HttpContext.User.GetClaim(Claims.Subject);
        var user = subject is null ? null : await services.Users.FindByIdAsync(subject);
        return user is null ? TypedResults.Unauthorized() : TypedResults.Ok(ToDto(user));
    }

    private static Dictionary<string, string[]> RegistrationErrors(RegisterRequest request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Add(errors, "username", AccountRules.CheckUserName(request.Username));
        Add(errors, "email", AccountRules.CheckEmail(request.Email));
        Add(errors, "password", AccountRules.CheckPassword(request.Password));
        return errors;
    }

    private static void Add(Dictionary<string, string[]> errors, string field, string? error)
    {
        if (error is not null)
        {
            errors[field] = [error];
        }
    }

    /// <summary>The user a just-issued access token belongs to (its <c>sub</c>, read without re-validating our own token).</summary>
    private static async Task<User?> UserOfAsync(AuthServices services, string accessToken)
    {
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(accessToken);
        return token.TryGetPayloadValue<string>(Claims.Subject, out var subject) ? await services.Users.FindByIdAsync(subject) : null;
    }

    private static AuthResponse Response(TokenResponse tokens, User user) =>
        new(true, tokens.AccessToken!, tokens.RefreshToken!, tokens.ExpiresIn, ToDto(user));

    private static UserDto ToDto(User user) => new(user.Id, user.UserName!, user.Email!, user.EmailConfirmed, StatsDto.Of(user.Stats), user.CreatedAt);
}
