using Microsoft.Extensions.Options;

namespace WebRtcChat.Presence.Status;

/// <summary>
/// Every heartbeat this instance vouches for its open connections and sweeps users whose connections are all gone or
/// expired (closed past the grace period, or left behind by a crashed instance), announcing them offline.
/// </summary>
public sealed partial class PresenceHeartbeat(
    LocalConnections local, PresenceStore store, PresenceNotifier notifier, IOptions<PresenceOptions> options, TimeProvider time,
    ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.HeartbeatInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await store.VouchAsync(local.Snapshot());
                foreach (var userId in await store.SweepAsync())
                {
                    await notifier.NotifyAsync(userId, stoppingToken);
                }
            }
            catch (Exception exception) when (exception is StackExchange.Redis.RedisException or TimeoutException)
            {
                LogHeartbeatFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "Presence heartbeat failed, retrying at the next one: {Reason}")]
    private static partial void LogHeartbeatFailed(ILogger logger, string reason);
}
