using System.ComponentModel.DataAnnotations;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Login attempt limits inside Identity (<c>Auth:LoginRateLimit</c>), counted in Redis so every instance shares them.
/// They count attempts, right or wrong; lockout (<see cref="AuthOptions.MaxFailedAccessAttempts"/>) counts wrong passwords.
/// </summary>
public sealed class LoginRateLimitOptions
{
    public const string Section = "Auth:LoginRateLimit";

    /// <summary>Attempts per login name (username or email, case-insensitive), from any address.</summary>
    [Required]
    public RateWindow PerAccount { get; set; } = new() { PermitLimit = 10, Window = TimeSpan.FromMinutes(5) };

    /// <summary>Attempts per client address (the gateway's <c>X-Forwarded-For</c> when it comes from a trusted proxy).</summary>
    [Required]
    public RateWindow PerIp { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(1) };

    /// <summary>Networks (CIDR) of proxies whose <c>X-Forwarded-For</c> is trusted; loopback is always trusted.</summary>
    public List<string> TrustedProxyNetworks { get; set; } = [];
}

/// <summary>A fixed window: <see cref="PermitLimit"/> attempts, counted from the first one, for <see cref="Window"/>.</summary>
public sealed class RateWindow
{
    [Range(1, 100_000)]
    public int PermitLimit { get; set; }

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan Window { get; set; }
}
