using System.Diagnostics;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// One thread that sends every publisher's due frames, then sleeps a millisecond: cheaper on two cores than a timer
/// per stream, and each frame leaves within about a millisecond of its time.
/// </summary>
public sealed class MediaPump : IDisposable
{
    private readonly IReadOnlyList<TrackSender> senders;
    private readonly Thread thread;
    private volatile bool running = true;

    public MediaPump(IReadOnlyList<TrackSender> senders)
    {
        this.senders = senders;
        var now = Stopwatch.GetTimestamp();
        foreach (var sender in senders)
        {
            sender.Start(now);
        }

        thread = new Thread(Run) { IsBackground = true, Name = "media pump" };
        thread.Start();
    }

    /// <summary>Stops sending (at once, or when the run ends, whichever comes first).</summary>
    public void Dispose()
    {
        running = false;
        thread.Join();
    }

    private void Run()
    {
        PumpPriority.RaiseCurrentThread();
        while (running)
        {
            var now = Stopwatch.GetTimestamp();
            foreach (var sender in senders)
            {
                sender.SendDue(now);
            }

            Thread.Sleep(1);
        }
    }
}
