using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>The dominant speaker detector of each call whose media this node carries (read by GET /api/calls/{id}).</summary>
public sealed class DominantSpeakers(IOptions<QualityOptions> options)
{
    private readonly ConcurrentDictionary<Guid, DominantSpeakerDetector> detectors = new();

    public DominantSpeakerDetector For(Guid callId) =>
        detectors.GetOrAdd(callId, _ => new DominantSpeakerDetector(options.Value.DominantSpeaker));

    /// <summary>The call's dominant speaker (a user id), null before anyone spoke or when the call is not on this node.</summary>
    public Guid? SpeakerOf(Guid callId) => detectors.GetValueOrDefault(callId)?.Current;

    /// <summary>Drops the detectors of calls no longer on this node.</summary>
    public void KeepOnly(IReadOnlySet<Guid> liveCalls)
    {
        foreach (var callId in detectors.Keys.Where(id => !liveCalls.Contains(id)))
        {
            detectors.TryRemove(callId, out _);
        }
    }
}
