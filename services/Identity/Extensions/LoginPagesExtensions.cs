using Microsoft.AspNetCore.Identity;
using WebRtcChat.Identity.Pages;

namespace WebRtcChat.Identity.Extensions;

public static class LoginPagesExtensions
{
    /// <summary>
    /// The login and consent pages of the authorize flow: Identity's application cookie, used only by
    /// <c>/connect/authorize</c> (the APIs authenticate bearer tokens), and antiforgery for their forms.
    /// </summary>
    public static IHostApplicationBuilder AddLoginPages(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication()
            .AddCookie(IdentityConstants.ApplicationScheme, cookie =>
            {
                cookie.Cookie.Name = ".WebRtcChat.Login";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.LoginPath = LoginPage.Path;
                cookie.ReturnUrlParameter = LoginPage.ReturnUrlParameter;
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;

                // A password change or reset (new security stamp) ends the cookie too.
                cookie.Events.OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync;

                // Relative, so the browser stays on the public address it used: behind the gateway the request's own
                // host is an internal one.
                cookie.Events.OnRedirectToLogin = context =>
                {
                    context.Response.Redirect(new Uri(context.RedirectUri).PathAndQuery);
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = ".WebRtcChat.Antiforgery";
            antiforgery.FormFieldName = HtmlPage.AntiforgeryField;
        });
        return builder;
    }
}
