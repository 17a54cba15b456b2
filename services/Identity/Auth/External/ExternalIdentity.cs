using System.Security.Claims;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>Who an external provider says the user is: its subject, and the email and name it shared.</summary>
public sealed record ExternalIdentity(string Provider, string Subject, string? Email, bool EmailVerified, string? Name)
{
    /// <summary>The identity in a provider's (id token + userinfo) principal; null when it names no subject.</summary>
    public static ExternalIdentity? From(string provider, ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.GetClaim(Claims.Subject);
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var email = principal.GetClaim(Claims.Email);
        var verified = bool.TryParse(principal.GetClaim(Claims.EmailVerified), out var value) && value;
        var name = principal.GetClaim(Claims.PreferredUsername) ?? principal.GetClaim(Claims.Name);
        return new ExternalIdentity(provider, subject, string.IsNullOrWhiteSpace(email) ? null : email, verified, name);
    }
}
