namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>
/// Sends the probes subscribers' estimates ask for: for <see cref="SendSideEstimate.ProbeDuration"/>, RTX padding to
/// the subscriber every <see cref="Step"/>, as much as keeps everything sent to it (its media included) at the probe's
/// rate; then the estimate is told how many packets went out during it. One thread for all probes, asleep while none runs.
/// </summary>
public sealed class ProbePacer(TimeProvider time) : IDisposable
{
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(2);

    private readonly Lock gate = new();
    private readonly List<RunningProbe> running = [];
    private readonly List<RunningProbe> paced = [];
    private readonly AutoResetEvent wake = new(false);
    private Thread? thread;
    private volatile bool disposed;

    /// <summary>Starts <paramref name="request"/> on <paramref name="subscriber"/>'s downlink.</summary>
    public void Start(MediaPeer subscriber, ProbeRequest request)
    {
        subscriber.Sent.StartProbe(request.Id);
        lock (gate)
        {
            running.Add(new RunningProbe(subscriber, request, time.GetTimestamp()));
            thread ??= StartThread();
        }

        wake.Set();
    }

    public void Dispose()
    {
        disposed = true;
        wake.Set();
        thread?.Join();
        wake.Dispose();
    }

    private Thread StartThread()
    {
        var started = new Thread(Run) { IsBackground = true, Name = "probe pacer" };
        started.Start();
        return started;
    }

    private void Run()
    {
        while (!disposed)
        {
            lock (gate)
            {
                paced.Clear();
                paced.AddRange(running);
            }

            if (paced.Count == 0)
            {
                wake.WaitOne();
                continue;
            }

            foreach (var probe in paced)
            {
                if (!Pace(probe))
                {
                    End(probe);
                }
            }

            Thread.Sleep(Step);
        }
    }

    /// <summary>Sends what the probe is due by the next step; false once it is over.</summary>
    private bool Pace(RunningProbe probe)
    {
        var elapsed = time.GetElapsedTime(probe.StartedAt);
        var duration = SendSideEstimate.ProbeDuration;
        if (elapsed >= duration || probe.Subscriber.IsClosed)
        {
            return false;
        }

        var until = elapsed + Step < duration ? elapsed + Step : duration;
        var due = (long)(probe.Request.TargetKbps * 1000 / 8 * until.TotalSeconds) - probe.Subscriber.Sent.ProbeBytes;
        while (due > 0 && probe.Subscriber.SendPadding((int)Math.Min(due, int.MaxValue)) is var sent and > 0)
        {
            due -= sent;
        }

        return true;
    }

    private void End(RunningProbe probe)
    {
        lock (gate)
        {
            running.Remove(probe);
        }

        probe.Subscriber.Congestion.ProbeEnded(probe.Request.Id, probe.Subscriber.Sent.EndProbe());
    }

    private sealed record RunningProbe(MediaPeer Subscriber, ProbeRequest Request, long StartedAt);
}
