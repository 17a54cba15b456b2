using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Microsoft.Extensions.Hosting;

/// <summary>Reads the signed-in user from a validated access token (claims are not remapped: see AddDefaultAuthentication).</summary>
public static class CallerExtensions
{
    public const string SubjectClaim = "sub";

    /// <summary>Requires a token issued to a user (a service client's token has no user id in <c>sub</c>).</summary>
    public static AuthorizationPolicy UserPolicy { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .RequireAssertion(context => Guid.TryParse(context.User.FindFirst(SubjectClaim)?.Value, out _))
        .Build();

    /// <summary>The user id in the token's <c>sub</c>; throws when the principal has none (the endpoint must require a user).</summary>
    public static Guid GetUserId(this ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        var subject = principal.FindFirst(SubjectClaim)?.Value;
        return Guid.TryParse(subject, out var id)
            ? id
            : throw new InvalidOperationException("The access token has no user subject.");
    }
}
