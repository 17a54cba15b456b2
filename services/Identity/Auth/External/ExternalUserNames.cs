using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>Derives a free username for an account created from an external login: the provider's name for the user, else the email's local part.</summary>
public sealed class ExternalUserNames(UserManager<User> users)
{
    private const int Attempts = 8;
    private const int SuffixDigits = 4;

    public async Task<string> SuggestAsync(ExternalIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var stem = Stem(identity.Name) ?? Stem(identity.Email?.Split('@')[0]) ?? "user";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var candidate = attempt == 0 ? stem : $"{stem}{RandomNumberGenerator.GetInt32((int)Math.Pow(10, SuffixDigits)):D4}";
            if (await users.FindByNameAsync(candidate) is null)
            {
                return candidate;
            }
        }

        return $"{stem}{Guid.CreateVersion7():N}"[..AccountRules.MaxUserNameLength];
    }

    /// <summary>The allowed characters of <paramref name="name"/>, short enough for a suffix; null when too little is left.</summary>
    private static string? Stem(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var kept = new StringBuilder();
        foreach (var c in name.Trim())
        {
            if (AccountRules.UserNameCharacters.Contains(c, StringComparison.Ordinal))
            {
                kept.Append(c);
            }
            else if (char.IsWhiteSpace(c))
            {
                kept.Append('.');
            }
        }

        var stem = kept.ToString().Trim('.', '-', '_');
        stem = stem[..Math.Min(stem.Length, AccountRules.MaxUserNameLength - SuffixDigits)];
        return stem.Length >= AccountRules.MinUserNameLength ? stem : null;
    }
}
