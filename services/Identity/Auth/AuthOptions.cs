using System.ComponentModel.DataAnnotations;

namespace WebRtcChat.Identity.Auth;

/// <summary>Token server and sign-in settings, bound from the <c>Auth</c> section. Every value has a safe default.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The first-party client allowed to use the password grant.</summary>
    public const string WebClientId = "webrtcchat-web";

    /// <summary>Issuer URL; when unset, the address the request came in on.</summary>
    public Uri? Issuer { get; set; }

    /// <summary>Audience (resource) put in every access token.</summary>
    [Required]
    public string Audience { get; set; } = "webrtcchat";

    [Range(typeof(TimeSpan), "00:00:30", "1.00:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    [Range(typeof(TimeSpan), "00:01:00", "365.00:00:00")]
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>How long a used refresh token may be presented again (network retries); zero means it works exactly once.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.Zero;

    /// <summary>Accept plain http (behind a TLS-terminating proxy, or in development). Defaults to true in Development.</summary>
    public bool? AllowInsecureHttp { get; set; }

    public bool AllowsInsecureHttp(IHostEnvironment environment) => AllowInsecureHttp ?? environment.IsDevelopment();

    [Range(1, 100)]
    public int MaxFailedAccessAttempts { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Where the web client may receive an authorization code (<c>redirect_uri</c> of the code + PKCE flow); none by default.</summary>
    public List<Uri> WebClientRedirectUris { get; set; } = [];

    /// <summary>Where the web client may be sent back after end-session (<c>post_logout_redirect_uri</c>); none by default.</summary>
    public List<Uri> WebClientPostLogoutRedirectUris { get; set; } = [];

    /// <summary>Confidential service-to-service clients allowed the client_credentials grant; none by default.</summary>
    public List<ServiceClientOptions> ServiceClients { get; set; } = [];

    /// <summary>Confidential relying parties (other apps signing users in with this server) allowed the code flow; none by default.</summary>
    public List<RelyingPartyOptions> RelyingParties { get; set; } = [];
}

/// <summary>One service-to-service client (<c>Auth:ServiceClients:n</c>). Its tokens' subject is the client id.</summary>
public sealed class ServiceClientOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }
}

/// <summary>
/// One confidential relying party (<c>Auth:RelyingParties:n</c>): authorization code (+ refresh) flow with a secret;
/// the user is asked for consent once.
/// </summary>
public sealed class RelyingPartyOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? DisplayName { get; set; }

    public List<Uri> RedirectUris { get; set; } = [];

    public List<Uri> PostLogoutRedirectUris { get; set; } = [];
}
