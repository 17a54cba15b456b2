using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Client.AspNetCore;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Auth.External;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Apis;

/// <summary>
/// Sign-in with Google (<c>/api/auth/google</c>) or a configured OpenID Connect provider (<c>/api/auth/external/{provider}</c>).
/// The callback finds, links or creates the account, then sends the browser to the web client's return URL with a
/// single-use code in the fragment, which the client redeems at <c>POST /api/auth/external/exchange</c> for our tokens.
/// </summary>
public static partial class ExternalLoginApi
{
    private const string ClientScheme = OpenIddictClientAspNetCoreDefaults.AuthenticationScheme;

    public static RouteGroupBuilder MapExternalLogin(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth").WithTags("Auth");
        group.MapGet("/google", (ExternalProviders providers) => Start(providers, ExternalProviders.Google))
            .WithSummary("Starts a sign-in with Google (404 when not configured).");
        group.MapMethods("/google/callback", [HttpMethods.Get, HttpMethods.Post], (Delegate)((HttpContext context) => CallbackAsync(context, ExternalProviders.Google)))
            .ExcludeFromDescription();
        group.MapGet("/external/{provider}", (string provider, ExternalProviders providers) => Start(providers, provider))
            .WithSummary("Starts a sign-in with a configured OpenID Connect provider (404 when not configured).");
        group.MapMethods("/external/{provider}/callback", [HttpMethods.Get, HttpMethods.Post], (HttpContext context, string provider) => CallbackAsync(context, provider))
            .ExcludeFromDescription();
        group.MapPost("/external/exchange", ExchangeAsync);
        return group;
    }

    public static Results<ChallengeHttpResult, ProblemHttpResult> Start(ExternalProviders providers, string name)
    {
        ArgumentNullException.ThrowIfNull(providers);
        if (providers.Find(name) is not { } provider)
        {
            return AuthProblems.ProviderNotConfigured(name);
        }

        var properties = new AuthenticationProperties();
        properties.Items[OpenIddictClientAspNetCoreConstants.Properties.ProviderName] = provider.Name;
        return TypedResults.Challenge(properties, [ClientScheme]);
    }

    public static async Task<IResult> CallbackAsync(HttpContext context, string name)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices;
        if (services.GetRequiredService<ExternalProviders>().Find(name) is not { } provider)
        {
            return AuthProblems.ProviderNotConfigured(name);
        }

        var returnUrl = ReturnUrl(services);
        var result = await context.AuthenticateAsync(ClientScheme);
        var identity = result is { Succeeded: true, Principal: { } principal } && principal.GetClaim(Claims.Private.ProviderName) == provider.Name
            ? ExternalIdentity.From(provider.Name, principal)
            : null;
        if (identity is null)
        {
            string? error = null;
            string? description = null;
            result.Properties?.Items.TryGetValue(OpenIddictClientAspNetCoreConstants.Properties.Error, out error);
            result.Properties?.Items.TryGetValue(OpenIddictClientAspNetCoreConstants.Properties.ErrorDescription, out description);
            LogFailed(services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ExternalLoginApi)), provider.Name, error, description);
            var denied = error == Errors.AccessDenied;
            return Results.Redirect(Fragment(returnUrl, denied
                ? [("error", Errors.AccessDenied), ("error_description", $"The sign-in with {provider.DisplayName} was cancelled.")]
                : [("error", "external_login_failed"), ("error_description", $"The sign-in with {provider.DisplayName} did not complete.")]));
        }

        var signIn = await services.GetRequiredService<ExternalAccounts>().SignInAsync(identity, context.RequestAborted);
        if (signIn.User is not { } user)
        {
            return Results.Redirect(Fragment(returnUrl, [("error", signIn.Error!), ("error_description", signIn.Description!)]));
        }

        await services.GetRequiredService<SignInRecorder>().RecordAsync(user, SignInMethods.ExternalVia(provider.Name), clientId: null, context.RequestAborted);
        var code = await services.GetRequiredService<ExternalLoginCodes>().IssueAsync(user, context.RequestAborted);
        return Results.Redirect(Fragment(returnUrl, [("code", code)]));
    }

    public static Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> ExchangeAsync(
        ExternalLoginExchangeRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken) =>
        AuthApi.ExchangeAsync(
            services, "code", request.Code, "The sign-in code is required.",
            code => services.Tokens.ExternalLoginAsync(services.HttpContext, code, cancellationToken),
            AuthProblems.InvalidExternalLoginCode);

    private static Uri ReturnUrl(IServiceProvider services) =>
        services.GetRequiredService<IOptions<ExternalLoginOptions>>().Value.ExternalLoginReturnUrl
        ?? services.GetRequiredService<IOptions<AccountMailOptions>>().Value.Page("auth/external");

    /// <summary>The return URL with the values in its fragment, which browsers do not send to servers or in Referer headers.</summary>
    private static string Fragment(Uri returnUrl, (string Name, string Value)[] values) =>
        $"{returnUrl.GetLeftPart(UriPartial.Query)}#{string.Join('&', values.Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value)}"))}";

    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "An external login with {Provider} failed: {Error} {ErrorDescription}")]
    private static partial void LogFailed(ILogger logger, string provider, string? error, string? errorDescription);
}
