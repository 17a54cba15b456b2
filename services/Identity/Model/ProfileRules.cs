namespace WebRtcChat.Identity.Model;

/// <summary>The enumerated values and limits of profiles and preferences. Each check returns an error message or null.</summary>
public static class ProfileRules
{
    public const string Public = "public";
    public const string ContactsOnly = "contacts";
    public const string Private = "private";
    public const string DefaultStatus = "offline";
    public const string DefaultTheme = "system";
    public const string DefaultVideoQuality = "auto";

    public const int MaxDisplayName = 64;
    public const int MaxBio = 500;
    public const int MaxPhone = 32;
    public const int MaxLocation = 100;
    public const int MaxUrl = 2048;
    public const int MaxSocialLinks = 10;
    public const int MaxSocialNetwork = 32;

    public static readonly IReadOnlyList<string> Statuses = ["online", "offline", "away", "busy"];
    public static readonly IReadOnlyList<string> Themes = ["light", "dark", "system"];
    public static readonly IReadOnlyList<string> Visibilities = [Public, ContactsOnly, Private];
    public static readonly IReadOnlyList<string> VideoQualities = ["auto", "low", "medium", "high"];

    public static string? CheckLength(string value, int max, string what) =>
        value.Length > max ? $"The {what} must be at most {max} characters." : null;

    public static string? CheckOneOf(string value, IReadOnlyList<string> allowed, string what) =>
        allowed.Contains(value, StringComparer.Ordinal) ? null : $"The {what} must be one of: {string.Join(", ", allowed)}.";

    public static string? CheckUrl(string value, string what) =>
        value.Length > MaxUrl ? $"The {what} must be at most {MaxUrl} characters."
        : Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.Host.Length > 0
            ? null
            : $"The {what} must be an absolute http or https URL.";

    public static string? CheckPhone(string value) =>
        value.Length > MaxPhone ? $"The phone must be at most {MaxPhone} characters."
        : value.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.') && value.Any(char.IsAsciiDigit)
            ? null
            : "The phone may contain only digits, spaces and + - ( ) .";

    public static string? CheckSocialNetwork(string name) =>
        name.Length is > 0 and <= MaxSocialNetwork && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-')
            ? null
            : $"A social network name must be 1-{MaxSocialNetwork} letters, digits, _ or -.";
}
