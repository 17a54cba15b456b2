using System.ComponentModel.DataAnnotations;

namespace WebRtcChat.Identity.Security;

/// <summary>
/// When the token server rotates its signing key, bound from <c>Auth:SigningKeys</c>. A new key is published in the
/// JWKS <see cref="PublishAhead"/> before it starts signing, so resource services already hold it when its first
/// token arrives; a superseded key keeps validating for <see cref="RetainFor"/>, then it is deleted.
/// </summary>
public sealed class SigningKeyOptions
{
    public const string Section = "Auth:SigningKeys";

    /// <summary>Age of the newest key at which the next one is created.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "3650.00:00:00")]
    public TimeSpan RotateAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a new key is only published before it signs. Keep it above the resource services' metadata refresh
    /// interval (<c>Identity:MetadataRefreshInterval</c>, 1 hour by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan PublishAhead { get; set; } = TimeSpan.FromHours(2);

    /// <summary>
    /// How long a superseded key keeps validating. It signed access and refresh tokens, so it must outlive them;
    /// when unset, the refresh token lifetime (<c>Auth:RefreshTokenLifetime</c>, 14 days by default).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan? RetainFor { get; set; }

    /// <summary>How often each instance re-reads the keys: rotates or retires when due, and picks up other instances' keys.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromMinutes(1);
}
