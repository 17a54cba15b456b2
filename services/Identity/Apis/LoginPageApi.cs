using Microsoft.AspNetCore.Identity;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Model;
using WebRtcChat.Identity.Pages;

namespace WebRtcChat.Identity.Apis;

/// <summary>
/// The login page of the authorize flow (<c>/account/login</c>): a correct login signs into the login cookie and
/// returns to the (local) URL that asked for it, usually <c>/connect/authorize</c>; a wrong one shows the form again.
/// </summary>
public static class LoginPageApi
{
    public static IEndpointRouteBuilder MapLoginPage(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginPage.Path, (HttpContext context, string? returnUrl) => LoginPage.Render(context, LocalUrl(returnUrl)))
            .ExcludeFromDescription();
        app.MapPost(LoginPage.Path, (Delegate)SignInAsync).ExcludeFromDescription();
        return app;
    }

    public static async Task<IResult> SignInAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.HasFormContentType)
        {
            return LoginPage.Render(context, "/", error: "Sign in with the form.", statusCode: StatusCodes.Status400BadRequest);
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var returnUrl = LocalUrl(form[LoginPage.ReturnUrlParameter]);
        var login = form[LoginPage.LoginField].ToString();
        if (!await HtmlPage.IsFormValidAsync(context))
        {
            return LoginPage.Render(context, returnUrl, login, "The form expired. Please sign in again.", StatusCodes.Status400BadRequest);
        }

        var services = context.RequestServices;
        if (await services.GetRequiredService<LoginRateLimiter>().TryAttemptAsync(login, context.Connection.RemoteIpAddress) is { } retryAfter)
        {
            var seconds = AccountProblems.SetRetryAfter(context.Response, retryAfter);
            return LoginPage.Render(context, returnUrl, login, $"Too many sign-in attempts. Try again in {seconds} seconds.", StatusCodes.Status429TooManyRequests);
        }

        var user = await services.GetRequiredService<PasswordVerifier>().VerifyAsync(login, form[LoginPage.PasswordField]);
        if (user is null)
        {
            return LoginPage.Render(context, returnUrl, login, "The login or password is incorrect.", StatusCodes.Status401Unauthorized);
        }

        await services.GetRequiredService<SignInManager<User>>().SignInAsync(user, isPersistent: false);
        await services.GetRequiredService<SignInRecorder>().RecordAsync(user, SignInMethods.Password, clientId: null, context.RequestAborted);
        return Results.LocalRedirect(returnUrl);
    }

    /// <summary>The return URL when it stays on this site, else the site's root: the login page is no open redirect.</summary>
    private static string LocalUrl(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
