using Microsoft.Extensions.Options;
using WebRtcChat.Identity.Data;
using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// Prepares the mailed account links: stores a fresh single-use token, then (after that commit) queues the mail.
/// Failures are logged, never thrown: the account must not be lost, and the caller's answer must not change.
/// </summary>
public sealed partial class AccountMailFlows(
    IdentityDbContext db, AccountTokens tokens, AccountMailer mailer, IOptions<AccountMailOptions> options, ILogger<AccountMailFlows> logger)
{
    public const string ResetPasswordPath = "reset-password";
    public const string ConfirmEmailPath = "confirm-email";

    public Task SendPasswordResetAsync(User user, CancellationToken cancellationToken) =>
        SendAsync(user, AccountTokenPurpose.PasswordReset, cancellationToken);

    public Task SendEmailConfirmationAsync(User user, CancellationToken cancellationToken) =>
        SendAsync(user, AccountTokenPurpose.EmailConfirmation, cancellationToken);

    private async Task SendAsync(User user, AccountTokenPurpose purpose, CancellationToken cancellationToken)
    {
        try
        {
            var token = tokens.Issue(user.Id, purpose);
            await db.SaveChangesAsync(cancellationToken);
            var settings = options.Value;
            mailer.Enqueue(purpose == AccountTokenPurpose.PasswordReset
                ? AccountMails.PasswordReset(user.Email!, user.UserName!, settings.Link(ResetPasswordPath, token), settings.PasswordResetTokenLifetime)
                : AccountMails.EmailConfirmation(user.Email!, user.UserName!, settings.Link(ConfirmEmailPath, token)));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            db.ChangeTracker.Clear();
            LogPrepareFailed(logger, exception, purpose, user.Id);
        }
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Error, Message = "Could not prepare the {Purpose} mail for user {UserId}")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception, AccountTokenPurpose purpose, Guid userId);
}
