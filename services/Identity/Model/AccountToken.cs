namespace WebRtcChat.Identity.Model;

/// <summary>
/// A single-use token handed to a user: mailed (password reset, email confirmation) or the short-lived code an external
/// login hands the web client. Only the SHA-256 hash of the token is stored, so a database leak does not hand out working links.
/// </summary>
public sealed class AccountToken
{
    public Guid Id { get; init; }

    public Guid UserId { get; init; }

    public AccountTokenPurpose Purpose { get; init; }

    public required byte[] TokenHash { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>When the token was used (or made unusable); also the concurrency token that makes it single-use.</summary>
    public DateTimeOffset? UsedAt { get; set; }

    public bool IsUsable(DateTimeOffset now) => UsedAt is null && ExpiresAt > now;
}

public enum AccountTokenPurpose
{
    PasswordReset = 1,
    EmailConfirmation = 2,
    ExternalLogin = 3,
}
