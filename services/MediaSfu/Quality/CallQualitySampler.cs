using MassTransit;
using Microsoft.Extensions.Options;
using WebRtcChat.Contracts;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>
/// Every <see cref="QualityOptions.QualitySampleInterval"/>, publishes a <see cref="CallQualitySampled"/> per connected
/// participant on this node; samples are never less than half an interval apart.
/// </summary>
public sealed partial class CallQualitySampler(
    SfuNode node, IBus bus, IOptions<QualityOptions> options, TimeProvider time, ILogger<CallQualitySampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.QualitySampleInterval;
        using var timer = new PeriodicTimer(interval, time);
        var last = DateTimeOffset.MinValue;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            // A tick that came late (the bus held the last round up past the next one) fires at once and the next one
            // on schedule: skip the second rather than send two samples of the same second a moment apart.
            var now = time.GetUtcNow();
            if (now - last < interval / 2)
            {
                continue;
            }

            last = now;
            foreach (var call in node.Calls)
            {
                foreach (var peer in call.Peers.Where(p => p.IsConnected))
                {
                    await PublishAsync(QualitySamples.Of(call.CallId, peer, now), stoppingToken);
                }
            }
        }
    }

    private async Task PublishAsync(CallQualitySampled sample, CancellationToken cancellationToken)
    {
        try
        {
            await bus.Publish(sample, cancellationToken);
        }
        catch (Exception e) when (e is MassTransitException or TimeoutException)
        {
            LogNotPublished(e, sample.CallId, sample.ParticipantId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The quality sample of participant {ParticipantId} in call {CallId} could not be published")]
    private partial void LogNotPublished(Exception error, Guid callId, Guid participantId);
}
