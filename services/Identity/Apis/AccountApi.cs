using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Apis;

/// <summary>The account flows around a password and an email address: forgot/reset password, confirm email, change password.</summary>
public static class AccountApi
{
    private const string ForgotPasswordMessage = "If an account with this email exists, a password reset link has been sent to it.";

    /// <summary>Adds the flows to the <c>/api/auth</c> group.</summary>
    public static RouteGroupBuilder MapAccountFlows(this RouteGroupBuilder group)
    {
        group.MapPost("/forgot-password", ForgotPasswordAsync);
        group.MapPost("/reset-password", ResetPasswordAsync);
        group.MapPost("/confirm-email", ConfirmEmailAsync);
        group.MapPost("/change-password", ChangePasswordAsync).RequireAuthorization(AuthApi.Bearer);
        return group;
    }

    /// <summary>Always the same 202 for a well-formed address, so the answer does not tell whether an account exists.</summary>
    public static async Task<Results<Accepted<ForgotPasswordResponse>, ValidationProblem>> ForgotPasswordAsync(
        ForgotPasswordRequest request, [AsParameters] AuthServices services, AccountMailFlows mail, CancellationToken cancellationToken)
    {
        if (AccountRules.CheckEmail(request.Email) is { } error)
        {
            return TypedResults.ValidationProblem(Errors("email", error));
        }

        if (await services.Users.FindByEmailAsync(request.Email!) is { } user)
        {
            await mail.SendPasswordResetAsync(user, cancellationToken);
        }

        return TypedResults.Accepted((string?)null, new ForgotPasswordResponse(true, ForgotPasswordMessage));
    }

    /// <summary>Sets a new password with a mailed token; the token is spent and every session of the user ends.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResetPasswordAsync(
        ResetPasswordRequest request, [AsParameters] AuthServices services, AccountTokens tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
        {
            return TypedResults.ValidationProblem(Errors("token", "The reset token is required."));
        }

        if (AccountRules.CheckPassword(request.Password) is { } passwordError)
        {
            return TypedResults.ValidationProblem(Errors("password", passwordError));
        }

        var token = await tokens.FindUsableAsync(request.Token, AccountTokenPurpose.PasswordReset, cancellationToken);
        var user = token is null ? null : await services.Users.FindByIdAsync(token.UserId.ToString());
        if (token is null || user is null)
        {
            return AuthProblems.InvalidResetToken();
        }

        // The token, its siblings and the password change commit in one SaveChanges; the concurrency check on
        // used_at makes a second, concurrent use of the same token fail.
        token.UsedAt = services.Time.GetUtcNow();
        await tokens.RetireOthersAsync(token, cancellationToken);
        user.PasswordHash = services.Users.PasswordHasher.HashPassword(user, request.Password!);
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.EmailConfirmed = true; // the reset link reached the mailbox, which proves it
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        var updated = await services.Users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            services.Db.ChangeTracker.Clear();
            return AuthProblems.InvalidResetToken();
        }

        await SessionRevocation.RevokeAllAsync(services.Authorizations, services.TokenManager, user.Id.ToString(), cancellationToken);
        return TypedResults.NoContent();
    }

    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmEmailAsync(
        ConfirmEmailRequest request, [AsParameters] AuthServices services, AccountTokens tokens, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Token))
        {
            return TypedResults.ValidationProblem(Errors("token", "The confirmation token is required."));
        }

        var token = await tokens.FindUsableAsync(request.Token, AccountTokenPurpose.EmailConfirmation, cancellationToken);
        var user = token is null ? null : await services.Users.FindByIdAsync(token.UserId.ToString());
        if (token is null || user is null)
        {
            return AuthProblems.InvalidConfirmationToken();
        }

        token.UsedAt = services.Time.GetUtcNow();
        await tokens.RetireOthersAsync(token, cancellationToken);
        user.EmailConfirmed = true;
        var updated = await services.Users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            services.Db.ChangeTracker.Clear();
            return AuthProblems.InvalidConfirmationToken();
        }

        return TypedResults.NoContent();
    }

    /// <summary>Changes the caller's password; every other session of the user ends, the calling one stays.</summary>
    public static async Task<Results<NoContent, ValidationProblem, UnauthorizedHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest request, [AsParameters] AuthServices services, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrEmpty(request.CurrentPassword))
        {
            errors["currentPassword"] = ["The current password is required."];
        }

        if (AccountRules.CheckPassword(request.NewPassword) is { } passwordError)
        {
            errors["newPassword"] = [passwordError];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var principal = services.HttpContext.User;
        var subject = principal.GetClaim(Claims.Subject);
        var user = subject is null ? null : await services.Users.FindByIdAsync(subject);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        var changed = await services.Users.ChangePasswordAsync(user, request.CurrentPassword!, request.NewPassword!);
        if (!changed.Succeeded)
        {
            services.Db.ChangeTracker.Clear();
            return TypedResults.ValidationProblem(changed.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch))
                ? Errors("currentPassword", "The current password is incorrect.")
                : Errors("newPassword", [.. changed.Errors.Select(e => e.Description)]));
        }

        await SessionRevocation.RevokeAllExceptAsync(
            services.Authorizations, services.TokenManager, subject!, principal.GetAuthorizationId(), cancellationToken);
        return TypedResults.NoContent();
    }

    private static Dictionary<string, string[]> Errors(string field, params string[] messages) =>
        new(StringComparer.Ordinal) { [field] = messages };
}
