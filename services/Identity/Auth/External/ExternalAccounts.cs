using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;
using WebRtcChat.Contracts;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth.External;

/// <summary>
/// Finds, links or creates the account behind an external login. A login seen before signs into its account. Otherwise,
/// an email the provider has verified links to the account with that email; an unverified email that belongs to an
/// account is refused (anyone can claim an address at some provider); anything else creates a new account.
/// </summary>
public sealed class ExternalAccounts(
    IdentityDbContext db,
    UserManager<User> users,
    ExternalUserNames userNames,
    AccountMailFlows mail,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    TimeProvider time)
{
    public async Task<ExternalSignIn> SignInAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var user = await users.FindByLoginAsync(identity.Provider, identity.Subject);
        if (user is not null)
        {
            return await CheckUsableAsync(user);
        }

        if (identity.Email is null || AccountRules.CheckEmail(identity.Email) is not null)
        {
            return ExternalSignIn.Failed("email_required", "The provider did not share a valid email address; allow it to and try again.");
        }

        if (await users.FindByEmailAsync(identity.Email) is { } owner)
        {
            return identity.EmailVerified
                ? await LinkAsync(owner, identity, cancellationToken)
                : ExternalSignIn.Failed(
                    "account_exists",
                    "An account with this email already exists and the provider has not verified the address, so it was not linked. Sign in with your password.");
        }

        return await CreateAsync(identity, cancellationToken);
    }

    private async Task<ExternalSignIn> CheckUsableAsync(User user) => await users.IsLockedOutAsync(user)
        ? ExternalSignIn.Failed("account_locked", "The account is locked. Try again later.")
        : ExternalSignIn.Succeeded(user);

    private async Task<ExternalSignIn> LinkAsync(User owner, ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var wasUnconfirmed = !owner.EmailConfirmed;
        if (wasUnconfirmed)
        {
            // Whoever registered this address never proved it; the provider just did. A password set by someone else
            // must not keep working on the owner's account (account pre-hijacking), so it goes with every session.
            owner.EmailConfirmed = true;
            owner.PasswordHash = null;
            owner.SecurityStamp = Guid.NewGuid().ToString("N");
        }

        db.UserLogins.Add(Login(owner.Id, identity));
        var updated = await SaveAsync(() => users.UpdateAsync(owner));
        if (updated is not null)
        {
            return updated;
        }

        if (wasUnconfirmed)
        {
            await SessionRevocation.RevokeAllAsync(authorizations, tokens, owner.Id.ToString(), cancellationToken);
        }

        return await CheckUsableAsync(owner);
    }

    private async Task<ExternalSignIn> CreateAsync(ExternalIdentity identity, CancellationToken cancellationToken)
    {
        var user = new User
        {
            Id = Guid.CreateVersion7(),
            UserName = await userNames.SuggestAsync(identity),
            Email = identity.Email,
            EmailConfirmed = identity.EmailVerified,
            CreatedAt = time.GetUtcNow(),
        };

        // The login and the outbox row commit with the user, in the store's one SaveChanges.
        db.UserLogins.Add(Login(user.Id, identity));
        db.AddIntegrationEvent(new UserRegistered(user.Id, user.UserName!, user.Email!, user.CreatedAt));
        var failed = await SaveAsync(() => users.CreateAsync(user));
        if (failed is not null)
        {
            return failed;
        }

        if (!user.EmailConfirmed)
        {
            await mail.SendEmailConfirmationAsync(user, cancellationToken);
        }

        return ExternalSignIn.Succeeded(user);
    }

    /// <summary>Runs an Identity write; null when it succeeded, else the failure (a concurrent first login of the same user lands here).</summary>
    private async Task<ExternalSignIn?> SaveAsync(Func<Task<IdentityResult>> write)
    {
        try
        {
            var result = await write();
            if (result.Succeeded)
            {
                return null;
            }
        }
        catch (DbUpdateException)
        {
        }

        db.ChangeTracker.Clear();
        return ExternalSignIn.Failed("temporarily_unavailable", "The account could not be saved. Try again.");
    }

    private static IdentityUserLogin<Guid> Login(Guid userId, ExternalIdentity identity) => new()
    {
        UserId = userId,
        LoginProvider = identity.Provider,
        ProviderKey = identity.Subject,
        ProviderDisplayName = identity.Provider,
    };
}
