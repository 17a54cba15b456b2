using System.Threading.RateLimiting;
using WebRtcChat.Gateway.Options;

namespace WebRtcChat.Gateway.RateLimiting;

/// <summary>
/// The gateway's global limiter, three fixed windows chained: per client IP (everything), per user
/// (requests with a bearer token), and a strict per-IP window on the credential endpoints.
/// </summary>
internal static class EdgeRateLimiter
{
    public static PartitionedRateLimiter<HttpContext> Create(RateLimitingOptions options)
    {
        var credentialPaths = options.CredentialPaths
            .Select(path => path.TrimEnd('/'))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var perIp = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            FixedWindow($"ip:{ClientIp(context)}", options.PerIp));

        // The subject is read from an unvalidated token: a client can mint any number of subjects, but every
        // request it sends still counts against its IP above, so spoofing a subject buys nothing.
        var perUser = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            BearerTokenSubject.Read(context.Request) is { } subject
                ? FixedWindow($"user:{subject}", options.PerUser)
                : RateLimitPartition.GetNoLimiter(string.Empty));

        var credentials = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            credentialPaths.Contains(context.Request.Path.Value?.TrimEnd('/') ?? string.Empty)
                ? FixedWindow($"credentials:{ClientIp(context)}", options.Credentials)
                : RateLimitPartition.GetNoLimiter(string.Empty));

        return PartitionedRateLimiter.CreateChained(credentials, perUser, perIp);
    }

    private static RateLimitPartition<string> FixedWindow(string key, FixedWindowLimit limit) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = limit.PermitLimit,
            Window = limit.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });

    /// <summary>The client's address, after <c>UseForwardedHeaders</c> has applied a trusted proxy's X-Forwarded-For.</summary>
    private static string ClientIp(HttpContext context) =>
        context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
