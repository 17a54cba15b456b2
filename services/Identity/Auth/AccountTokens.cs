using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth;

/// <summary>Issues and looks up single-use account tokens: 256 random bits handed out once, stored as a SHA-256 hash.</summary>
public sealed class AccountTokens(IdentityDbContext db, TimeProvider time, IOptions<AccountMailOptions> options)
{
    /// <summary>How long the code an external login hands the web client stays redeemable: just the redirect and one call.</summary>
    public static readonly TimeSpan ExternalLoginCodeLifetime = TimeSpan.FromMinutes(2);

    /// <summary>Adds a new token for the user to the context (the caller saves) and returns its plain value.</summary>
    public string Issue(Guid userId, AccountTokenPurpose purpose)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var lifetime = purpose switch
        {
            AccountTokenPurpose.PasswordReset => options.Value.PasswordResetTokenLifetime,
            AccountTokenPurpose.EmailConfirmation => options.Value.EmailConfirmationTokenLifetime,
            _ => ExternalLoginCodeLifetime,
        };
        db.AccountTokens.Add(new AccountToken
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            Purpose = purpose,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        });
        return token;
    }

    /// <summary>
    /// The usable token with this value and purpose, tracked, or null. The caller marks it used and saves; the
    /// concurrency check on <see cref="AccountToken.UsedAt"/> makes a concurrent second use fail.
    /// </summary>
    public async Task<AccountToken?> FindUsableAsync(string? token, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        var found = await db.AccountTokens.SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == purpose, cancellationToken);
        return found is not null && found.IsUsable(time.GetUtcNow()) ? found : null;
    }

    /// <summary>Marks every other still-usable token of the user for this purpose as used (the caller saves).</summary>
    public async Task RetireOthersAsync(AccountToken used, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var others = await db.AccountTokens
            .Where(t => t.UserId == used.UserId && t.Purpose == used.Purpose && t.UsedAt == null && t.Id != used.Id)
            .ToListAsync(cancellationToken);
        foreach (var other in others)
        {
            other.UsedAt = now;
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
