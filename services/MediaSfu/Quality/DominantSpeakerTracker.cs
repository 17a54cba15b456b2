using MassTransit;
using Microsoft.Extensions.Options;
using WebRtcChat.Contracts;
using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>
/// Every window, feeds each call's audio levels to its detector and publishes <see cref="CallDominantSpeakerChanged"/>
/// (with the users in the call, whom Presence tells) when the dominant speaker changes.
/// </summary>
public sealed partial class DominantSpeakerTracker(
    SfuNode node, DominantSpeakers speakers, IBus bus, IOptions<QualityOptions> options, TimeProvider time, ILogger<DominantSpeakerTracker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        using var timer = new PeriodicTimer(options.Value.DominantSpeaker.Window, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var now = time.GetElapsedTime(started);
            var at = time.GetUtcNow(); // the event says when the detector decided, not when the bus got round to it
            var calls = node.Calls.ToList();
            foreach (var call in calls)
            {
                var detector = speakers.For(call.CallId);
                if (detector.Observe(CallAudio.TakeWindows(call), now) && detector.Current is { } speaker)
                {
                    await AnnounceAsync(call, speaker, at, stoppingToken);
                }
            }

            speakers.KeepOnly(calls.Select(c => c.CallId).ToHashSet());
        }
    }

    private async Task AnnounceAsync(MediaCall call, Guid speaker, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var participants = call.Peers.Select(p => p.UserId).Distinct().ToList();
        try
        {
            await bus.Publish(new CallDominantSpeakerChanged(call.CallId, speaker, participants, at), cancellationToken);
        }
        catch (Exception e) when (e is MassTransitException or TimeoutException)
        {
            LogNotAnnounced(e, call.CallId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The dominant speaker change of call {CallId} could not be published")]
    private partial void LogNotAnnounced(Exception error, Guid callId);
}
