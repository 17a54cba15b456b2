using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Avatars;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// GDPR erasure: deletes the user's row, and with it (database cascades) the profile, preferences, stats, contacts and
/// blocks both ways, mailed account tokens, external logins, claims and roles; deletes every OpenIddict authorization
/// and token of the user (so refresh fails and access tokens fail entry validation at once); publishes
/// <see cref="UserDeleted"/>, all in one transaction; then deletes the avatar object.
/// The row is deleted rather than anonymised: nothing can be forgotten when columns are added later, and other
/// services keep authorship by the id (UUIDv7, never reused), learning of the deletion from the event.
/// </summary>
public sealed class AccountEraser(IdentityDbContext db, AvatarStore avatars, TimeProvider time)
{
    public async Task EraseAsync(User user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var subject = user.Id.ToString();
        var avatar = user.AvatarKey;

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Set<OpenIddictEntityFrameworkCoreToken>()
                .Where(t => t.Subject == subject || (t.Authorization != null && t.Authorization.Subject == subject))
                .ExecuteDeleteAsync(cancellationToken);
            await db.Set<OpenIddictEntityFrameworkCoreAuthorization>()
                .Where(a => a.Subject == subject)
                .ExecuteDeleteAsync(cancellationToken);
            db.Users.Remove(user);
            db.AddIntegrationEvent(new UserDeleted(user.Id, time.GetUtcNow()));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await avatars.DeleteQuietlyAsync(avatar);
    }
}
