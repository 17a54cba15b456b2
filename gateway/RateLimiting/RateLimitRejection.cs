using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using WebRtcChat.Gateway.Edge;

namespace WebRtcChat.Gateway.RateLimiting;

/// <summary>Answers a rejected request with 429, a <c>Retry-After</c> in seconds and a ProblemDetails body.</summary>
internal static class RateLimitRejection
{
    private static readonly TimeSpan FallbackRetryAfter = TimeSpan.FromSeconds(60);

    public static async ValueTask OnRejectedAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var context = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : FallbackRetryAfter;
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));

        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await GatewayProblems.WriteAsync(context, StatusCodes.Status429TooManyRequests, GatewayProblems.TooManyRequests,
            $"Rate limit exceeded; retry in {seconds} seconds.");
    }
}
