using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>
/// The handoff from an external login to the web client: a single-use code, valid for
/// <see cref="AccountTokens.ExternalLoginCodeLifetime"/>, that the client redeems for our tokens. Tokens themselves
/// never travel in a URL.
/// </summary>
public sealed class ExternalLoginCodes(IdentityDbContext db, AccountTokens tokens, UserManager<User> users, TimeProvider time)
{
    public const string GrantType = "urn:webrtcchat:grant-type:external_login";
    public const string CodeParameter = "code";

    public async Task<string> IssueAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var code = tokens.Issue(user.Id, AccountTokenPurpose.ExternalLogin);
        await db.SaveChangesAsync(cancellationToken);
        return code;
    }

    /// <summary>Spends the code; the user it was issued for, or null when it is unknown, expired or already spent.</summary>
    public async Task<User?> RedeemAsync(string? code, CancellationToken cancellationToken)
    {
        var token = await tokens.FindUsableAsync(code, AccountTokenPurpose.ExternalLogin, cancellationToken);
        if (token is null)
        {
            return null;
        }

        token.UsedAt = time.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Redeemed by a concurrent request first.
            db.ChangeTracker.Clear();
            return null;
        }

        return await users.FindByIdAsync(token.UserId.ToString());
    }
}
