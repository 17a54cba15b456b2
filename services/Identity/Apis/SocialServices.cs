using OpenIddict.Abstractions;
using WebRtcChat.Identity.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Apis;

/// <summary>What the profile, contact and block handlers need, injected as one <c>[AsParameters]</c> group.</summary>
public sealed record SocialServices(HttpContext HttpContext, IdentityDbContext Db, TimeProvider Time)
{
    /// <summary>The signed-in caller (the token's <c>sub</c>; the group requires an authenticated user).</summary>
    public Guid CallerId => Guid.Parse(HttpContext.User.GetClaim(Claims.Subject)
        ?? throw new InvalidOperationException("The access token has no subject."));
}
