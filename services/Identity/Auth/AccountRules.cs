using System.Net.Mail;

namespace WebRtcChat.Identity.Auth;

/// <summary>The account input rules, one message per broken rule (null when the value is fine).</summary>
public static class AccountRules
{
    public const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
    public const int MinUserNameLength = 3;
    public const int MaxUserNameLength = 32;
    public const int MinPasswordLength = 10;
    public const int MaxPasswordLength = 128;
    public const int MaxEmailLength = 254;

    public static string? CheckUserName(string? userName) => userName switch
    {
        null or "" => "The username is required.",
        { Length: < MinUserNameLength or > MaxUserNameLength } => $"The username must be {MinUserNameLength} to {MaxUserNameLength} characters long.",
        _ when userName.Any(c => !UserNameCharacters.Contains(c, StringComparison.Ordinal)) => "The username may contain only letters, digits, '_', '.' and '-'.",
        _ => null,
    };

    public static string? CheckEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return "The email is required.";
        }

        return email.Length <= MaxEmailLength
               && MailAddress.TryCreate(email, out var address)
               && address.Address == email
               && address.Host.Contains('.', StringComparison.Ordinal)
            ? null
            : "The email is not a valid address.";
    }

    public static string? CheckPassword(string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinPasswordLength)
        {
            return $"The password must be at least {MinPasswordLength} characters long.";
        }

        if (password.Length > MaxPasswordLength)
        {
            return $"The password must be at most {MaxPasswordLength} characters long.";
        }

        var classes = (password.Any(char.IsLower) ? 1 : 0) + (password.Any(char.IsUpper) ? 1 : 0)
                      + (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return classes < 2 ? "The password must mix at least two of: lowercase, uppercase, digits, symbols." : null;
    }
}
