using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>The account an external login resolved to, or the reason (an OAuth-style error code and a sentence) it did not.</summary>
public sealed record ExternalSignIn(User? User, string? Error, string? Description)
{
    public static ExternalSignIn Succeeded(User user) => new(user, null, null);

    public static ExternalSignIn Failed(string error, string description) => new(null, error, description);
}
