using System.Runtime.ExceptionServices;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Transport;

/// <summary>
/// A second thread beside a receive loop that takes chunks of a large fan-out while the receive thread works through
/// the rest, so a packet copied to two dozen subscribers leaves in about half the time and the packets queued behind it
/// wait half as long. It is woken only when datagrams are waiting at the socket (a burst: a video frame's packets, or
/// several publishers at once). The receive thread claims chunks too and only waits for chunks the helper has already
/// started: a helper that wakes late (its core busy) costs nothing but the wake-up. Its sends are batched on the
/// loop's socket like the receive thread's.
/// </summary>
public sealed class FanOutHelper : IDisposable
{
    /// <summary>Most chunks one fan-out can have.</summary>
    public const int MaxChunks = ushort.MaxValue;

    [ThreadStatic]
    private static FanOutHelper? current;

    private readonly UdpReceiveLoop loop;

    // Never disposed: a receive thread may still set it while the loop stops, and without a wait handle it holds nothing.
    private readonly ManualResetEventSlim wake = new(false, spinCount: 1);
    private readonly Thread thread;
    private readonly int realtimePriority;
    private IChunkedWork? work;

    // generation << 32 | chunks << 16 | next chunk: a claim is one compare-and-swap on all three, so a helper that read
    // an earlier fan-out's state can never claim a chunk of the next one.
    private long state;
    private int unfinished;
    private long helpedChunks;
    private Exception? fault;
    private volatile bool stopping;

    internal FanOutHelper(UdpReceiveLoop loop, int realtimePriority)
    {
        this.loop = loop;
        this.realtimePriority = realtimePriority;
        thread = new Thread(Help) { IsBackground = true, Name = $"fan-out {loop.LocalEndPoint.Port}" };
        thread.UnsafeStart();
    }

    /// <summary>The helper of the receive loop whose handler runs on this thread; null elsewhere or when it has none.</summary>
    public static FanOutHelper? Current => current;

    /// <summary>Chunks the helper ran: for tests and measurements.</summary>
    public long HelpedChunks => Interlocked.Read(ref helpedChunks);

    /// <summary>Makes <paramref name="helper"/> the one <see cref="Current"/> gives on the calling (receive) thread.</summary>
    internal static void Attach(FanOutHelper? helper) => current = helper;

    /// <summary>
    /// Runs every chunk of <paramref name="chunkedWork"/> once, some here and some on the helper, and returns when all
    /// are done. A chunk that throws does not stop the others; the first exception is rethrown at the end.
    /// </summary>
    public void Run(IChunkedWork chunkedWork, int chunks)
    {
        ArgumentNullException.ThrowIfNull(chunkedWork);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(chunks);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(chunks, MaxChunks);
        work = chunkedWork;
        fault = null;
        Volatile.Write(ref unfinished, chunks);
        var generation = (Volatile.Read(ref state) >>> 32) + 1;
        Volatile.Write(ref state, (generation << 32) | ((long)chunks << 16));
        if (loop.HasWaitingDatagrams)
        {
            // Only packets queued behind this one gain from it finishing sooner; alone, one fan-out is short enough,
            // and waking the helper costs both cores more than its half of the copies (cross-core wake-ups).
            wake.Set();
        }

        while (TryClaim(out var chunk))
        {
            RunClaimed(chunkedWork, chunk);
        }

        // Only chunks the helper has started are left: it is running them now.
        var spin = default(SpinWait);
        while (Volatile.Read(ref unfinished) > 0)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        work = null;
        UdpReceiveLoop.CountSharedFanOut();
        if (fault is { } failed)
        {
            ExceptionDispatchInfo.Throw(failed);
        }
    }

    public void Dispose()
    {
        stopping = true;
        wake.Set();
    }

    private bool TryClaim(out int chunk)
    {
        while (true)
        {
            var seen = Volatile.Read(ref state);
            var next = (int)(seen & 0xFFFF);
            if (next >= (int)((seen >> 16) & 0xFFFF))
            {
                chunk = -1;
                return false;
            }

            if (Interlocked.CompareExchange(ref state, seen + 1, seen) == seen)
            {
                chunk = next;
                return true;
            }
        }
    }

    private void Help()
    {
        loop.JoinAsSender(realtimePriority);
        while (true)
        {
            wake.Wait();
            wake.Reset();
            if (stopping)
            {
                return;
            }

            while (TryClaim(out var chunk))
            {
                // The claim holds the fan-out open (unfinished > 0), so the work read now is the one claimed.
                Interlocked.Increment(ref helpedChunks);
                RunClaimed(Volatile.Read(ref work)!, chunk);
            }
        }
    }

    private void RunClaimed(IChunkedWork chunkedWork, int chunk)
    {
        try
        {
            chunkedWork.RunChunk(chunk);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref fault, e, null);
        }
        finally
        {
            // The chunk's copies leave before it counts as done (the receive thread flushes its own after the handler).
            if (Thread.CurrentThread == thread)
            {
                loop.FlushSends();
            }

            Interlocked.Decrement(ref unfinished);
        }
    }
}
