using Microsoft.Extensions.Options;

namespace WebRtcChat.Presence.Calls;

/// <summary>
/// On every instance: ends ringing that timed out and removes participants whose connection did not come back in time.
/// Any instance handles any call, so a call still times out when the instance that started it is gone.
/// </summary>
public sealed partial class CallSweeper(CallCoordinator coordinator, IOptions<CallOptions> options, TimeProvider time, ILogger<CallSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await coordinator.SweepAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Redis or the bus unreachable for a moment: what was due stays due for the next sweep; the instance keeps running.
                LogSweepFailed(logger, exception.Message);
            }
        }
    }

    [LoggerMessage(EventId = 6200, Level = LogLevel.Warning, Message = "Call sweep failed, retrying at the next one: {Reason}")]
    private static partial void LogSweepFailed(ILogger logger, string reason);
}
