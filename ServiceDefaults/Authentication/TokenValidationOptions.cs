namespace Microsoft.Extensions.Hosting;

/// <summary>How a resource service validates Identity's access tokens, bound from the <c>Identity</c> section.</summary>
public sealed class TokenValidationOptions
{
    public const string Section = "Identity";

    /// <summary>Where discovery and JWKS are fetched; when unset, the service-discovery address of the identity service.</summary>
    public Uri? Url { get; set; }

    /// <summary>The issuer tokens must carry (Identity's <c>Auth:Issuer</c>); when unset, the one the metadata announces.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    public string Audience { get; set; } = "webrtcchat";

    /// <summary>
    /// How often discovery and JWKS are fetched again (at least 5 minutes). Identity publishes a new signing key
    /// <c>Auth:SigningKeys:PublishAhead</c> (2 hours) before it signs with it, so keep this below that. A token with an
    /// unknown key id also triggers a fetch (at most once every 5 minutes).
    /// </summary>
    public TimeSpan MetadataRefreshInterval { get; set; } = TimeSpan.FromHours(1);
}
