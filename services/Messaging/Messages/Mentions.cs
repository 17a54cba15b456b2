using System.Text.RegularExpressions;

namespace WebRtcChat.Messaging.Messages;

/// <summary>Finds the @usernames in a message (the same characters Identity allows in a username).</summary>
public static partial class Mentions
{
    /// <summary>The distinct usernames mentioned, in the case written.</summary>
    public static IReadOnlyList<string> UserNamesIn(string content) =>
        MentionPattern().Matches(content)
            .Select(m => m.Groups["name"].Value.TrimEnd('.')) // a sentence may end right after the name
            .Where(name => name.Length >= 3)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    [GeneratedRegex(@"(?<![\w@.])@(?<name>[A-Za-z0-9_.\-]{3,32})(?![A-Za-z0-9_\-])", RegexOptions.CultureInvariant)]
    private static partial Regex MentionPattern();
}
