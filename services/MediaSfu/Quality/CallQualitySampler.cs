using MassTransit;
using Microsoft.Extensions.Options;
using WebRtcChat.Contracts;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>Every <see cref="QualityOptions.QualitySampleInterval"/>, publishes a <see cref="CallQualitySampled"/> per connected participant on this node.</summary>
public sealed partial class CallQualitySampler(
    SfuNode node, IBus bus, IOptions<QualityOptions> options, TimeProvider time, ILogger<CallQualitySampler> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.QualitySampleInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetUtcNow();
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
