using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>Whether the caller may act on <paramref name="userId"/>: null, or the problem to answer (self, or no such user).</summary>
    public async Task<ProblemHttpResult?> CheckOtherUserAsync(Guid userId, string action, CancellationToken cancellationToken)
    {
        if (userId == CallerId)
        {
            return SocialProblems.Self(action);
        }

        return await Db.Users.AnyAsync(u => u.Id == userId, cancellationToken) ? null : SocialProblems.UserNotFound();
    }
}
