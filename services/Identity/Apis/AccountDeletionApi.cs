using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using WebRtcChat.Identity.Auth;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Apis;

/// <summary><c>DELETE /api/auth/account</c>: the caller erases their own account (see <see cref="AccountEraser"/>).</summary>
public static class AccountDeletionApi
{
    public static RouteGroupBuilder MapAccountDeletion(this RouteGroupBuilder group)
    {
        group.MapDelete("/account", DeleteAccountAsync).RequireAuthorization(AuthApi.Bearer);
        return group;
    }

    /// <summary>
    /// Requires the current password (a wrong one counts toward lockout), or for an account without a password a sign-in
    /// within <see cref="AccountDeletionOptions.AccountDeletionRecentSignIn"/>.
    /// </summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult, UnauthorizedHttpResult>> DeleteAccountAsync(
        [FromBody] DeleteAccountRequest? request,
        [AsParameters] AuthServices services,
        SignInManager<User> signIn,
        AccountEraser eraser,
        IOptions<AccountDeletionOptions> options,
        CancellationToken cancellationToken)
    {
        var subject = services.HttpContext.User.GetClaim(Claims.Subject);
        var user = subject is null ? null : await services.Users.FindByIdAsync(subject);
        if (user is null)
        {
            return TypedResults.Unauthorized();
        }

        if (await services.Users.HasPasswordAsync(user))
        {
            if (string.IsNullOrEmpty(request?.Password))
            {
                return PasswordError("Your current password is required to delete the account.");
            }

            var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
            if (!check.Succeeded)
            {
                return PasswordError("The password is incorrect.");
            }
        }
        else
        {
            var window = options.Value.AccountDeletionRecentSignIn;
            if (user.LastSignInAt is not { } signedIn || signedIn < services.Time.GetUtcNow() - window)
            {
                return AccountProblems.RecentSignInRequired(window);
            }
        }

        await eraser.EraseAsync(user, cancellationToken);
        return TypedResults.NoContent();
    }

    private static ValidationProblem PasswordError(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["password"] = [message] });
}
