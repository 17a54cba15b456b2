using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace WebRtcChat.Identity.Apis;

/// <summary>The stable ProblemDetails of login rate limits and account deletion.</summary>
internal static class AccountProblems
{
    /// <summary>429 with <c>Retry-After</c> (whole seconds, rounded up) set on <paramref name="response"/>.</summary>
    public static ProblemHttpResult TooManyAttempts(HttpResponse response, TimeSpan retryAfter)
    {
        var seconds = SetRetryAfter(response, retryAfter);
        return ProblemResults.Create(
            StatusCodes.Status429TooManyRequests, "too-many-login-attempts", "Too many login attempts",
            $"Too many login attempts for this account or from this address. Try again in {seconds} seconds.");
    }

    /// <summary>Sets <c>Retry-After</c> in whole seconds (rounded up, at least 1) and returns them.</summary>
    public static int SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return seconds;
    }

    public static ProblemHttpResult RecentSignInRequired(TimeSpan window) => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "recent-sign-in-required", "Sign in again first",
        $"This account has no password: sign in again (within the last {window.TotalMinutes:0} minutes) before deleting it.");
}
