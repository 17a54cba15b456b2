namespace WebRtcChat.MediaSfu.Quality;

/// <summary>
/// Picks one call's dominant speaker from its participants' audio levels, one window at a time. Levels are smoothed so a
/// cough does not count; only a participant above the voice threshold can take over; while the current speaker still
/// speaks, a challenger must be louder by the hysteresis; it must lead for the whole confirmation time, and the current
/// speaker keeps the floor for at least the minimum hold. When everyone is silent nothing changes.
/// </summary>
public sealed class DominantSpeakerDetector(DominantSpeakerOptions options)
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, double> smoothedDbov = [];
    private Guid? current;
    private TimeSpan currentSince;
    private Guid? challenger;
    private TimeSpan challengerSince;

    public Guid? Current
    {
        get
        {
            lock (gate)
            {
                return current;
            }
        }
    }

    /// <summary>
    /// Takes one window of every participant now in the call (one absent from <paramref name="windows"/> has left) at
    /// time <paramref name="now"/>. True when the dominant speaker changed (see <see cref="Current"/>).
    /// </summary>
    public bool Observe(IReadOnlyDictionary<Guid, AudioLevelWindow> windows, TimeSpan now)
    {
        lock (gate)
        {
            Smooth(windows);
            var loudest = LoudestSpeaker();
            if (loudest is not { } speaker || speaker == current || !Outspeaks(speaker))
            {
                challenger = null;
                return false;
            }

            if (challenger != speaker)
            {
                (challenger, challengerSince) = (speaker, now);
            }

            var held = current is null || now - currentSince >= options.MinimumHold;
            if (!held || now - challengerSince < options.Confirmation)
            {
                return false;
            }

            (current, currentSince, challenger) = (speaker, now, null);
            return true;
        }
    }

    private void Smooth(IReadOnlyDictionary<Guid, AudioLevelWindow> windows)
    {
        foreach (var gone in smoothedDbov.Keys.Where(user => !windows.ContainsKey(user)).ToList())
        {
            smoothedDbov.Remove(gone);
            if (current == gone)
            {
                current = null;
            }
        }

        foreach (var (user, window) in windows)
        {
            var level = window.Packets == 0 ? -AudioLevelWindow.Silence : window.Dbov;
            smoothedDbov[user] = smoothedDbov.TryGetValue(user, out var previous) ? previous + (options.Smoothing * (level - previous)) : level;
        }
    }

    private Guid? LoudestSpeaker()
    {
        Guid? loudest = null;
        var loudestDbov = options.VoiceThresholdDbov;
        foreach (var (user, dbov) in smoothedDbov)
        {
            if (dbov >= loudestDbov)
            {
                (loudest, loudestDbov) = (user, dbov);
            }
        }

        return loudest;
    }

    private bool Outspeaks(Guid speaker) =>
        current is not { } holder
        || smoothedDbov[holder] < options.VoiceThresholdDbov
        || smoothedDbov[speaker] >= smoothedDbov[holder] + options.HysteresisDb;
}
