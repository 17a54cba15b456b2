using WebRtcChat.MediaSfu.Media;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>One window of a call's audio: each participant user's levels since the last window.</summary>
public static class CallAudio
{
    /// <summary>
    /// Takes the window of every audio track in the call, one entry per user in it (silent when they send no levels); a
    /// user on two devices counts with the louder.
    /// </summary>
    public static Dictionary<Guid, AudioLevelWindow> TakeWindows(MediaCall call)
    {
        var windows = new Dictionary<Guid, AudioLevelWindow>();
        foreach (var peer in call.Peers)
        {
            windows.TryAdd(peer.UserId, new AudioLevelWindow(0, AudioLevelWindow.Silence));
            foreach (var meter in peer.Published.Select(track => track.AudioLevel).OfType<AudioLevelMeter>())
            {
                var window = meter.TakeWindow();
                if (window.Packets > 0 && (windows[peer.UserId] is not { Packets: > 0 } kept || window.MeanLevel < kept.MeanLevel))
                {
                    windows[peer.UserId] = window;
                }
            }
        }

        return windows;
    }
}
