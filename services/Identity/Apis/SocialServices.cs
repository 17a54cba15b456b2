using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace WebRtcChat.Identity.Apis;

/// <summary>What the profile, contact and block handlers need, injected as one <c>[AsParameters]</c> group.</summary>
public sealed record SocialServices(HttpContext HttpContext, [FromServices] IdentityDbContext Db, [FromServices] TimeProvider Time)
{
    /// <summary>The signed-in caller (the token's <c>sub</c>; the group requires an authenticated user).</summary>
    public Guid CallerId => Caller ?? throw new InvalidOperationException("The access token has no user subject.");

    /// <summary>The signed-in user, or null for an anonymous request (or a service token).</summary>
    public Guid? Caller => Guid.TryParse(HttpContext.User.GetClaim(Claims.Subject), out var id) ? id : null;

    /// <summary>
    /// Whether the caller may see <paramref name="user"/>'s profile: null, or the problem to answer. A user who blocked
    /// the caller does not exist for them (404); a profile hidden by its privacy setting is 403.
    /// </summary>
    public async Task<ProblemHttpResult?> CheckProfileVisibleAsync(User user, CancellationToken cancellationToken)
    {
        var caller = CallerId;
        if (user.Id == caller)
        {
            return null;
        }

        if (await Db.Blocks.AnyAsync(b => b.BlockerId == user.Id && b.BlockedId == caller, cancellationToken))
        {
            return SocialProblems.UserNotFound();
        }

        var visible = user.ProfileVisibility switch
        {
            ProfileRules.Public => true,
            ProfileRules.ContactsOnly => await Db.Contacts.AnyAsync(c => c.OwnerId == user.Id && c.ContactId == caller, cancellationToken),
            _ => false,
        };
        return visible ? null : SocialProblems.ProfileHidden();
    }

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
