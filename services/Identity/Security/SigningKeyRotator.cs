using Microsoft.Extensions.Options;

namespace WebRtcChat.Identity.Security;

/// <summary>
/// Re-reads the key ring every <see cref="SigningKeyOptions.CheckInterval"/>: rotates and retires signing keys when
/// due, and picks up keys another instance (or the <c>keys rotate</c> command) created.
/// </summary>
internal sealed partial class SigningKeyRotator(
    ServerKeyRing keys, IOptions<SigningKeyOptions> options, TimeProvider time, ILogger<SigningKeyRotator> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CheckInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await Task.Run(() => keys.Synchronize(), stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // The database may be briefly unreachable; the cached keys keep working and the next tick retries.
                LogFailed(logger, exception);
            }
        }
    }

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "Could not synchronize the signing keys")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
