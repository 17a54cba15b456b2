namespace WebRtcChat.Identity.Pages;

/// <summary>The sign-in form of the authorize flow.</summary>
public static class LoginPage
{
    public const string Path = "/account/login";
    public const string ReturnUrlParameter = "returnUrl";
    public const string LoginField = "login";
    public const string PasswordField = "password";

    public static IResult Render(HttpContext context, string returnUrl, string? login = null, string? error = null, int statusCode = StatusCodes.Status200OK)
    {
        var fields = $"""
            {HtmlPage.Error(error)}
            {HtmlPage.Hidden(ReturnUrlParameter, returnUrl)}
            <label for="login">Username or email</label>
            <input type="text" id="login" name="{LoginField}" value="{HtmlPage.Encode(login)}" autocomplete="username" required autofocus>
            <label for="password">Password</label>
            <input type="password" id="password" name="{PasswordField}" autocomplete="current-password" required>
            <div class="actions"><button type="submit">Sign in</button></div>
            """;
        return HtmlPage.Render(
            context,
            "Sign in",
            $"""
            <h1>Sign in</h1>
            <p class="lead">Use your WebRtcChat account.</p>
            {HtmlPage.Form(context, Path, fields)}
            """,
            statusCode);
    }
}
