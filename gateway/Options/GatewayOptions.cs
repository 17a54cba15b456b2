namespace WebRtcChat.Gateway.Options;

/// <summary>The gateway's edge policies, bound from the <c>Gateway</c> configuration section and validated at start.</summary>
/// <remarks>Collections default to empty here and get their values from appsettings.json: the configuration binder
/// appends to a non-empty default instead of replacing it.</remarks>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    public RateLimitingOptions RateLimiting { get; init; } = new();

    public RequestBodyLimitOptions RequestBodyLimits { get; init; } = new();

    public EdgeCorsOptions Cors { get; init; } = new();

    public TrustedProxyOptions ForwardedHeaders { get; init; } = new();

    public SecurityHeaderOptions SecurityHeaders { get; init; } = new();

    public DownstreamHealthOptions HealthChecks { get; init; } = new();
}

/// <summary>Fixed-window limits: per client IP on everything, per user (JWT <c>sub</c>) when a bearer token is sent,
/// and a strict per-IP limit on the credential endpoints.</summary>
public sealed class RateLimitingOptions
{
    public FixedWindowLimit PerIp { get; init; } = new() { PermitLimit = 600 };

    public FixedWindowLimit PerUser { get; init; } = new() { PermitLimit = 600 };

    public FixedWindowLimit Credentials { get; init; } = new() { PermitLimit = 10 };

    /// <summary>Exact paths (case-insensitive) limited by <see cref="Credentials"/>: login, register, password reset, token.</summary>
    public string[] CredentialPaths { get; init; } = [];
}

public sealed class FixedWindowLimit
{
    public int PermitLimit { get; set; }

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

public sealed class RequestBodyLimitOptions
{
    public long DefaultMaxBytes { get; set; } = 10 * 1024 * 1024;

    public long UploadMaxBytes { get; set; } = 100 * 1024 * 1024;

    /// <summary>Path prefixes (case-insensitive) that accept bodies up to <see cref="UploadMaxBytes"/>.</summary>
    public string[] UploadPathPrefixes { get; init; } = [];
}

public sealed class EdgeCorsOptions
{
    /// <summary>Origins (scheme://host[:port]) allowed to call the API from a browser, with credentials.</summary>
    public string[] AllowedOrigins { get; init; } = [];
}

public sealed class TrustedProxyOptions
{
    /// <summary>IP addresses of reverse proxies whose X-Forwarded-* headers are believed.</summary>
    public string[] KnownProxies { get; init; } = [];

    /// <summary>CIDR networks (e.g. 10.0.0.0/8) whose X-Forwarded-* headers are believed.</summary>
    public string[] KnownNetworks { get; init; } = [];
}

public sealed class SecurityHeaderOptions
{
    /// <summary>Sent with every response (the bundled web page and the API).</summary>
    public string ContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "media-src 'self' blob:; connect-src 'self' ws: wss:; font-src 'self' data:; object-src 'none'; " +
        "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Sent with the API reference under <c>/scalar</c>, whose page boots with an inline script.</summary>
    public string ApiReferenceContentSecurityPolicy { get; set; } =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; " +
        "object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public string PermissionsPolicy { get; set; } =
        "camera=(self), microphone=(self), display-capture=(self), autoplay=(self), fullscreen=(self), " +
        "geolocation=(), payment=(), usb=()";

    public string ReferrerPolicy { get; set; } = "strict-origin-when-cross-origin";
}

public sealed class DownstreamHealthOptions
{
    /// <summary>How long one service's <c>/health</c> may take before it counts as down.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}
