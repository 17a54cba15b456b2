using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace WebRtcChat.Identity.Apis;

/// <summary>The stable ProblemDetails the auth API answers with.</summary>
internal static class AuthProblems
{
    private const string TypeBase = "https://webrtcchat.dev/problems/";

    public static ProblemHttpResult InvalidCredentials() => Problem(
        StatusCodes.Status401Unauthorized, "invalid-credentials", "Invalid credentials", "The login or password is incorrect.");

    public static ProblemHttpResult InvalidRefreshToken() => Problem(
        StatusCodes.Status401Unauthorized, "invalid-refresh-token", "Invalid refresh token", "The refresh token is invalid, expired, used or revoked.");

    public static ProblemHttpResult AccountExists(string field) => Problem(
        StatusCodes.Status409Conflict, "account-exists", "Account already exists", $"An account with this {field} already exists.");

    private static ProblemHttpResult Problem(int status, string type, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Type = TypeBase + type, Title = title, Detail = detail });
}
