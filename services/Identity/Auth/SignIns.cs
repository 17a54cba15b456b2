using WebRtcChat.Identity.Model;

namespace WebRtcChat.Identity.Auth;

/// <summary>
/// The one place every successful user sign-in passes through: the password grant (login and register), the
/// authorize flow's login page and external logins. Refreshing tokens is not a sign-in. Hook sign-in side effects
/// (such as publishing a sign-in event) here.
/// </summary>
public sealed partial class SignIns(ILogger<SignIns> logger)
{
    public const string Password = "password";

    public static string External(string provider) => $"external:{provider}";

    public Task SucceededAsync(User user, string method, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        cancellationToken.ThrowIfCancellationRequested();
        LogSignedIn(logger, user.Id, method);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4200, Level = LogLevel.Information, Message = "User {UserId} signed in ({Method})")]
    private static partial void LogSignedIn(ILogger logger, Guid userId, string method);
}
