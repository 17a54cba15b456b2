using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Pages;

/// <summary>
/// Asks the signed-in user whether an application may act for them. The form posts the authorization request back
/// to <c>/connect/authorize</c> unchanged, with the user's decision.
/// </summary>
public static class ConsentPage
{
    public const string DecisionField = "decision";
    public const string Allow = "allow";
    public const string Deny = "deny";

    public static IResult Render(HttpContext context, OpenIddictRequest request, string application, string userName)
    {
        ArgumentNullException.ThrowIfNull(request);
        var hidden = string.Concat(Auth.AuthorizeEndpoint.RequestParameters(request).Select(parameter => HtmlPage.Hidden(parameter.Key, parameter.Value)));
        var scopes = string.Concat(request.GetScopes().Select(Describe).OfType<string>().Distinct().Select(text => $"<li>{HtmlPage.Encode(text)}</li>"));
        var fields = $"""
            {hidden}
            <div class="actions">
            <button type="submit" class="secondary" name="{DecisionField}" value="{Deny}">Deny</button>
            <button type="submit" name="{DecisionField}" value="{Allow}">Allow</button>
            </div>
            """;
        return HtmlPage.Render(
            context,
            "Allow access",
            $"""
            <h1>Allow {HtmlPage.Encode(application)}?</h1>
            <p class="lead">Signed in as <strong>{HtmlPage.Encode(userName)}</strong>. {HtmlPage.Encode(application)} asks to:</p>
            <ul class="scopes">{scopes}</ul>
            {HtmlPage.Form(context, Auth.AuthorizeEndpoint.Path, fields)}
            """);
    }

    private static string? Describe(string scope) => scope switch
    {
        Scopes.OpenId => "know who you are",
        Scopes.Profile => "see your username",
        Scopes.Email => "see your email address",
        Scopes.Roles => "see your roles",
        Scopes.OfflineAccess => "stay signed in when you are away",
        _ => null,
    };
}
