using Microsoft.AspNetCore.Http.HttpResults;

namespace WebRtcChat.Identity.Apis;

/// <summary>The stable ProblemDetails of the profile, contact and block endpoints.</summary>
internal static class SocialProblems
{
    public static ProblemHttpResult UserNotFound() => ProblemResults.Create(
        StatusCodes.Status404NotFound, "user-not-found", "User not found", "There is no such user.");

    public static ProblemHttpResult Self(string action) => ProblemResults.Create(
        StatusCodes.Status400BadRequest, "self-reference", "Not allowed on yourself", $"You cannot {action} yourself.");

    public static ProblemHttpResult ProfileHidden() => ProblemResults.Create(
        StatusCodes.Status403Forbidden, "profile-hidden", "Profile not visible", "This user's privacy settings hide their profile from you.");

    public static ProblemHttpResult BlockedByYou() => ProblemResults.Create(
        StatusCodes.Status409Conflict, "user-blocked", "User blocked", "You blocked this user; unblock them first.");
}
