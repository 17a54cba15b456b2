using System.Collections.Concurrent;
using System.Diagnostics;

namespace WebRtcChat.MediaSfu.Tests;

/// <summary>
/// A link of limited rate with a drop-tail queue, as a congested access link: datagrams leave one after another at
/// <see cref="KilobitsPerSecond"/> (counting UDP payload bytes), and one arriving while the queue already holds
/// <see cref="QueueLimit"/> of sending time is lost. The rate can change while datagrams flow.
/// </summary>
public sealed class Bottleneck : IDisposable
{
    private readonly BlockingCollection<(byte[] Datagram, Action<ReadOnlyMemory<byte>> Send)> queue = [];
    private readonly Thread sender;
    private volatile int kilobitsPerSecond;
    private long queuedBytes;
    private long dropped;

    public Bottleneck(int kilobitsPerSecond, TimeSpan queueLimit)
    {
        this.kilobitsPerSecond = kilobitsPerSecond;
        QueueLimit = queueLimit;
        sender = new Thread(Drain) { IsBackground = true, Name = "bottleneck" };
        sender.Start();
    }

    public int KilobitsPerSecond
    {
        get => kilobitsPerSecond;
        set => kilobitsPerSecond = value;
    }

    public TimeSpan QueueLimit { get; }

    /// <summary>Datagrams lost at the full queue.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>Queues <paramref name="datagram"/> for <paramref name="send"/>, or loses it when the queue is full or the link is down (disposed).</summary>
    public void Offer(ReadOnlyMemory<byte> datagram, Action<ReadOnlyMemory<byte>> send)
    {
        var limitBytes = kilobitsPerSecond * 1000 / 8 * QueueLimit.TotalSeconds;
        if (Interlocked.Read(ref queuedBytes) + datagram.Length > limitBytes)
        {
            Interlocked.Increment(ref dropped);
            return;
        }

        Interlocked.Add(ref queuedBytes, datagram.Length);
        try
        {
            queue.Add((datagram.ToArray(), send));
        }
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException)
        {
            // A relay thread still passing a datagram as the test ends: lost, as on a link that went down.
        }
    }

    public void Dispose()
    {
        queue.CompleteAdding();
        sender.Join();
        queue.Dispose();
    }

    private void Drain()
    {
        var clock = Stopwatch.StartNew();
        var linkFreeAt = TimeSpan.Zero;
        foreach (var (datagram, send) in queue.GetConsumingEnumerable())
        {
            // A datagram leaves once its last bit is on the link; the schedule is absolute, so a late wake-up is made
            // up by the next datagrams instead of slowing the link.
            var start = clock.Elapsed > linkFreeAt ? clock.Elapsed : linkFreeAt;
            linkFreeAt = start + TimeSpan.FromSeconds(datagram.Length * 8.0 / (kilobitsPerSecond * 1000.0));
            var wait = linkFreeAt - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                Thread.Sleep(wait);
            }

            Interlocked.Add(ref queuedBytes, -datagram.Length);
            try
            {
                send(datagram);
            }
            catch (Exception e) when (e is ObjectDisposedException or System.Net.Sockets.SocketException)
            {
                // The relay is closing: the rest is lost, as on a link that went down.
            }
        }
    }
}
