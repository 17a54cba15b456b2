using System.ComponentModel.DataAnnotations;

namespace WebRtcChat.Identity.Auth;

/// <summary>Account deletion settings, bound from the <c>Auth</c> section.</summary>
public sealed class AccountDeletionOptions
{
    /// <summary>How recent a sign-in must be for an account without a password (external login only) to delete itself.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "01:00:00")]
    public TimeSpan AccountDeletionRecentSignIn { get; set; } = TimeSpan.FromMinutes(10);
}
