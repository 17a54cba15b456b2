using Microsoft.EntityFrameworkCore;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth;

/// <summary>How a session was started, as <see cref="UserSignedIn.Method"/> carries it.</summary>
public static class SignInMethods
{
    public const string Password = "password";

    /// <summary>An external login through <paramref name="provider"/> (google, or a configured OpenID Connect provider).</summary>
    public static string ExternalVia(string provider) => $"external:{provider}";
}

/// <summary>
/// The one success path of every sign-in: the password grant (login and register), the authorize flow's login page and
/// external logins. Stamps the user's last sign-in and publishes <see cref="UserSignedIn"/> through the outbox, in one transaction.
/// Token refreshes are not sign-ins and do not come here.
/// </summary>
public sealed class SignInRecorder(IdentityDbContext db, TimeProvider time)
{
    public async Task RecordAsync(User user, string method, string? clientId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var now = time.GetUtcNow();

        // A targeted UPDATE, not a save of the tracked user: concurrent sign-ins of the same user must not trip
        // Identity's concurrency stamp.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Users.Where(u => u.Id == user.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(u => u.LastSignInAt, now), cancellationToken);
        db.AddIntegrationEvent(new UserSignedIn(user.Id, method, clientId, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
