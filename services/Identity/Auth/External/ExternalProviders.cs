using System.Text.RegularExpressions;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>One configured external provider: its name (in its URLs and in the user's linked logins) and its endpoints here.</summary>
public sealed record ExternalProvider(string Name, string DisplayName, string StartPath, string CallbackPath, ExternalProviderOptions Settings);

/// <summary>The external providers this server is configured for, checked once at start-up.</summary>
public sealed partial class ExternalProviders
{
    public const string Google = "google";
    public const string GenericPathBase = "/api/auth/external";

    private readonly Dictionary<string, ExternalProvider> byName;

    private ExternalProviders(Dictionary<string, ExternalProvider> byName) => this.byName = byName;

    public IReadOnlyCollection<ExternalProvider> All => byName.Values;

    public ExternalProvider? Find(string? name) => name is not null && byName.TryGetValue(name, out var provider) ? provider : null;

    /// <summary>The providers in <paramref name="options"/>; a misconfigured entry stops start-up with a message naming it.</summary>
    public static ExternalProviders From(ExternalLoginOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var byName = new Dictionary<string, ExternalProvider>(StringComparer.OrdinalIgnoreCase);
        if (options.Google.IsConfigured)
        {
            RequireSecret(options.Google, "Auth:Google");
            byName[Google] = new ExternalProvider(
                Google, options.Google.DisplayName ?? "Google", "/api/auth/google", "/api/auth/google/callback", options.Google);
        }

        foreach (var (configuredName, settings) in options.ExternalProviders)
        {
            var name = configuredName.ToLowerInvariant();
            var key = $"Auth:ExternalProviders:{configuredName}";
            if (!ProviderName().IsMatch(name) || name is Google or "exchange")
            {
                throw new InvalidOperationException(
                    $"{key}: a provider name is 1 to 32 lowercase letters, digits or '-', and not '{Google}' or 'exchange'.");
            }

            if (!settings.IsConfigured || settings.Authority is not { IsAbsoluteUri: true })
            {
                throw new InvalidOperationException($"{key} needs a ClientId and an absolute Authority URL.");
            }

            var start = $"{GenericPathBase}/{name}";
            byName[name] = new ExternalProvider(name, settings.DisplayName ?? configuredName, start, $"{start}/callback", settings);
        }

        return new ExternalProviders(byName);
    }

    private static void RequireSecret(ExternalProviderOptions settings, string key)
    {
        if (string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            throw new InvalidOperationException($"{key} needs a ClientSecret as well as a ClientId.");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProviderName();
}
