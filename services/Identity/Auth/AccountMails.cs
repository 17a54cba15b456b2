using WebRtcChat.ServiceDefaults.Mail;

namespace WebRtcChat.Identity.Auth;

/// <summary>The texts of the account mails.</summary>
public static class AccountMails
{
    public static MailMessage PasswordReset(string to, string userName, Uri link, TimeSpan lifetime) => new(
        to,
        "Reset your WebRtcChat password",
        $"""
        Hello {userName},

        someone (hopefully you) asked to reset the password of your WebRtcChat account.
        Open this link to choose a new password; it works once and expires in {Describe(lifetime)}:

        {link}

        If you did not ask for this, ignore this mail: your password stays as it is.
        """,
        $"""
        <p>Hello {Html(userName)},</p>
        <p>someone (hopefully you) asked to reset the password of your WebRtcChat account.
        The link works once and expires in {Describe(lifetime)}.</p>
        <p><a href="{Html(link.AbsoluteUri)}">Choose a new password</a></p>
        <p>If you did not ask for this, ignore this mail: your password stays as it is.</p>
        """);

    public static MailMessage EmailConfirmation(string to, string userName, Uri link) => new(
        to,
        "Confirm your WebRtcChat email address",
        $"""
        Hello {userName},

        welcome to WebRtcChat. Open this link to confirm your email address:

        {link}
        """,
        $"""
        <p>Hello {Html(userName)},</p>
        <p>welcome to WebRtcChat.</p>
        <p><a href="{Html(link.AbsoluteUri)}">Confirm your email address</a></p>
        """);

    private static string Describe(TimeSpan lifetime) => lifetime.TotalHours >= 1
        ? $"{lifetime.TotalHours:0.#} hour(s)"
        : $"{Math.Max(1, lifetime.TotalMinutes):0} minute(s)";

    private static string Html(string text) => System.Net.WebUtility.HtmlEncode(text);
}
