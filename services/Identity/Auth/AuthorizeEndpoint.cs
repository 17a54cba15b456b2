using System.Collections.Immutable;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using WebRtcChat.Identity.Model;
using WebRtcChat.Identity.Pages;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// <c>/connect/authorize</c>, after OpenIddict has validated the client, redirect_uri, response type, scopes and PKCE:
/// sends a user who is not signed in (in the login cookie) to the login page, asks for consent unless the user gave it
/// before (a permanent authorization per user and client), and issues the code, or <c>access_denied</c> on a refusal.
/// </summary>
public static class AuthorizeEndpoint
{
    public const string Path = "/connect/authorize";
    private const string Scheme = OpenIddictServerAspNetCoreDefaults.AuthenticationScheme;
    private static readonly string LoginScheme = IdentityConstants.ApplicationScheme;

    public static IEndpointRouteBuilder MapAuthorizeEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapMethods(Path, [HttpMethods.Get, HttpMethods.Post], (Delegate)AuthorizeAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> AuthorizeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.GetOpenIddictServerRequest()
                      ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var services = context.RequestServices;
        var login = await context.AuthenticateAsync(LoginScheme);
        var user = login.Succeeded ? await services.GetRequiredService<UserManager<User>>().GetUserAsync(login.Principal) : null;
        if (user is null || request.HasPromptValue(PromptValues.Login) || IsTooOld(login, request, services.GetRequiredService<TimeProvider>()))
        {
            return request.HasPromptValue(PromptValues.None)
                ? ServerErrors.Forbid(Errors.LoginRequired, "The user is not signed in.")
                : Results.Challenge(new AuthenticationProperties { RedirectUri = RetryUrl(context, request) }, [LoginScheme]);
        }

        var consents = services.GetRequiredService<Consents>();
        var granted = await consents.FindAsync(user, request, context.RequestAborted);
        if (granted is not null && !request.HasPromptValue(PromptValues.Consent))
        {
            return await IssueAsync(services, user, request, granted);
        }

        if (request.HasPromptValue(PromptValues.None))
        {
            return ServerErrors.Forbid(Errors.ConsentRequired, "The user has not yet allowed this application.");
        }

        var decision = HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType
            ? context.Request.Form[ConsentPage.DecisionField].ToString()
            : string.Empty;
        if (decision.Length == 0)
        {
            return ConsentPage.Render(context, request, await consents.ApplicationNameAsync(request, context.RequestAborted), user.UserName!);
        }

        if (!await HtmlPage.IsFormValidAsync(context))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "Invalid form",
                detail: "The consent form expired or did not come from this site. Start the sign-in again.");
        }

        return decision == ConsentPage.Allow
            ? await IssueAsync(services, user, request, await consents.GrantAsync(user, request, context.RequestAborted))
            : ServerErrors.Forbid(Errors.AccessDenied, "The user denied the application access.");
    }

    private static async Task<IResult> IssueAsync(IServiceProvider services, User user, OpenIddictRequest request, string authorizationId)
    {
        var principal = await services.GetRequiredService<PrincipalFactory>().CreateAsync(user, request.GetScopes());
        principal.SetAuthorizationId(authorizationId);
        return Results.SignIn(principal, authenticationScheme: Scheme);
    }

    /// <summary>Whether the login is older than the request's <c>max_age</c> allows.</summary>
    private static bool IsTooOld(AuthenticateResult login, OpenIddictRequest request, TimeProvider time) =>
        request.MaxAge is { } maxAge
        && login.Properties?.IssuedUtc is { } issued
        && time.GetUtcNow() - issued > TimeSpan.FromSeconds(maxAge);

    /// <summary>This authorization request again, as a local URL, without <c>prompt</c> so that signing in ends the loop.</summary>
    private static string RetryUrl(HttpContext context, OpenIddictRequest request) =>
        context.Request.PathBase + Path + QueryString.Create(RequestParameters(request));

    /// <summary>
    /// The request's parameters to send back to this endpoint (after login, or in the consent form): without
    /// <c>prompt</c>, which has been honoured (kept, <c>prompt=login</c> would ask for the login forever), and without the form's own fields.
    /// </summary>
    internal static IEnumerable<KeyValuePair<string, string?>> RequestParameters(OpenIddictRequest request) => request.GetParameters()
        .Where(parameter => parameter.Key is not (Parameters.Prompt or ConsentPage.DecisionField or HtmlPage.AntiforgeryField))
        .SelectMany(parameter => (((ImmutableArray<string?>?)parameter.Value) ?? []).Select(value => KeyValuePair.Create(parameter.Key, value)));
}
