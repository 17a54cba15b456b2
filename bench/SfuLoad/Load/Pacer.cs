using System.Diagnostics;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// A byte budget that refills at a pacing rate, as a browser's pacer lets a video stream out (libwebrtc paces at a
/// multiple of the target bitrate, so a key frame leaves over a few hundred milliseconds instead of in one burst). A
/// packet may go while the budget is not negative; an idle stream saves up at most <see cref="MaxSaved"/> of it.
/// </summary>
public sealed class Pacer(double bytesPerSecond)
{
    public static readonly TimeSpan MaxSaved = TimeSpan.FromMilliseconds(5);

    private double budget;
    private long refilledAt;

    public bool CanSend => budget >= 0;

    public void Refill(long now)
    {
        if (refilledAt != 0)
        {
            var earned = (now - refilledAt) * bytesPerSecond / Stopwatch.Frequency;
            budget = Math.Min(budget + earned, bytesPerSecond * MaxSaved.TotalSeconds);
        }

        refilledAt = now;
    }

    public void Spend(int bytes) => budget -= bytes;
}
