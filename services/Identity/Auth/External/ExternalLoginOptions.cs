namespace WebRtcChat.Identity.Auth.External;

/// <summary>
/// Sign-in through other identity providers, bound from the <c>Auth</c> section: Google (<c>Auth:Google</c>) and any
/// OpenID Connect provider (<c>Auth:ExternalProviders:&lt;name&gt;</c>). Nothing is configured by default.
/// </summary>
public sealed class ExternalLoginOptions
{
    public ExternalProviderOptions Google { get; set; } = new();

    /// <summary>Generic OpenID Connect providers by name; the name appears in <c>/api/auth/external/{name}</c>.</summary>
    public Dictionary<string, ExternalProviderOptions> ExternalProviders { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The web client page an external login ends on, with <c>#code=…</c> (to redeem at <c>/api/auth/external/exchange</c>)
    /// or <c>#error=…</c>. Defaults to <c>{Auth:PublicUrl}/auth/external</c>.
    /// </summary>
    public Uri? ExternalLoginReturnUrl { get; set; }
}

/// <summary>One external provider's client registration: the authority (generic providers only) and our client there.</summary>
public sealed class ExternalProviderOptions
{
    public Uri? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);
}
