using Microsoft.AspNetCore.Http.HttpResults;

namespace WebRtcChat.Identity.Apis;

/// <summary>The stable ProblemDetails the auth API answers with.</summary>
internal static class AuthProblems
{
    public static ProblemHttpResult InvalidCredentials() => ProblemResults.Create(
        StatusCodes.Status401Unauthorized, "invalid-credentials", "Invalid credentials", "The login or password is incorrect.");

    public static ProblemHttpResult InvalidRefreshToken() => ProblemResults.Create(
        StatusCodes.Status401Unauthorized, "invalid-refresh-token", "Invalid refresh token", "The refresh token is invalid, expired, used or revoked.");

    public static ProblemHttpResult AccountExists(string field) => ProblemResults.Create(
        StatusCodes.Status409Conflict, "account-exists", "Account already exists", $"An account with this {field} already exists.");

    public static ProblemHttpResult InvalidResetToken() => ProblemResults.Create(
        StatusCodes.Status400BadRequest, "invalid-reset-token", "Invalid password reset link",
        "The password reset link is invalid, expired or already used. Ask for a new one.");

    public static ProblemHttpResult InvalidConfirmationToken() => ProblemResults.Create(
        StatusCodes.Status400BadRequest, "invalid-confirmation-token", "Invalid confirmation link",
        "The email confirmation link is invalid, expired or already used.");

    public static ProblemHttpResult ProviderNotConfigured(string provider) => ProblemResults.Create(
        StatusCodes.Status404NotFound, "external-provider-not-configured", "External login not available",
        $"Sign-in with '{provider}' is not configured on this server.");

    public static ProblemHttpResult InvalidExternalLoginCode() => ProblemResults.Create(
        StatusCodes.Status400BadRequest, "invalid-external-login-code", "Invalid sign-in code",
        "The sign-in code is invalid, expired or already used. Sign in with the provider again.");
}
