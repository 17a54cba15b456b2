using Org.BouncyCastle.Tls;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// BouncyCastle's blocking <see cref="DatagramTransport"/> over an event-driven <see cref="IDatagramChannel"/>. The
/// channel's receive loop only enqueues (bounded, never blocks: a full queue drops and counts); BouncyCastle's reader
/// waits on a monitor signal with its own timeout, which is what drives the DTLS retransmission timers.
/// </summary>
internal sealed class ChannelDatagramTransport : DatagramTransport
{
    /// <summary>The largest datagram a channel delivers (an Ethernet MTU); BouncyCastle sizes its buffers by it.</summary>
    private const int MaxReceivedDatagram = 1500;

    private readonly IDatagramChannel channel;
    private readonly int capacity;
    private readonly int sendLimit;
    private readonly Queue<byte[]> pending = new();
    private readonly object gate = new();
    private bool ended;
    private Action? onArrival;
    private long dropped;
    private long malformed;
    private CiphertextShape? ciphertext;

    public ChannelDatagramTransport(IDatagramChannel channel, DtlsOptions options)
    {
        this.channel = channel;
        capacity = options.ReceiveQueueCapacity;
        sendLimit = options.MaxDatagramSize;
        channel.Received += OnReceived;
        channel.Closed += OnChannelClosed;
    }

    /// <summary>Raised once when the transport ends: closed by DTLS (close_notify, fatal alert), aborted, or the channel closed.</summary>
    public event Action? Ended;

    public long Dropped => Interlocked.Read(ref dropped);

    /// <summary>DTLS-looking datagrams that no DTLS peer sends (see <see cref="DtlsRecordFilter"/>), dropped.</summary>
    public long Malformed => Interlocked.Read(ref malformed);

    /// <summary>Whether the end came from the channel (the path is gone) rather than from DTLS or an abort.</summary>
    public bool ChannelClosed { get; private set; }

    public bool HasEnded => Volatile.Read(ref ended);

    public bool HasPending
    {
        get
        {
            lock (gate)
            {
                return pending.Count > 0;
            }
        }
    }

    /// <summary>
    /// After the handshake nobody waits in <see cref="Receive(Span{byte},int)"/>: each arrival calls
    /// <paramref name="arrival"/> instead, which schedules a reader (datagrams already queued count as arrived).
    /// </summary>
    public void DeliverArrivalsTo(Action arrival)
    {
        bool waiting;
        lock (gate)
        {
            onArrival = arrival;
            waiting = pending.Count > 0;
        }

        if (waiting)
        {
            arrival();
        }
    }

    /// <summary>From now on, encrypted records must fit the chosen cipher suite.</summary>
    public void ExpectCiphertextOf(int cipherSuite)
    {
        lock (gate)
        {
            ciphertext = CiphertextShape.Of(cipherSuite);
        }
    }

    public int GetReceiveLimit() => MaxReceivedDatagram;

    public int GetSendLimit() => sendLimit;

    public int Receive(byte[] buf, int off, int len, int waitMillis) => Receive(buf.AsSpan(off, len), waitMillis);

    /// <summary>Waits up to <paramref name="waitMillis"/> (0: no limit) for a datagram; -1 when none came.</summary>
    /// <exception cref="IOException">The transport ended; BouncyCastle aborts the handshake or session.</exception>
    public int Receive(Span<byte> buffer, int waitMillis)
    {
        byte[] datagram;
        lock (gate)
        {
            var deadline = Environment.TickCount64 + waitMillis;
            while (pending.Count == 0)
            {
                if (ended)
                {
                    throw new IOException("The DTLS transport has ended.");
                }

                var remaining = waitMillis == 0 ? Timeout.Infinite : (int)(deadline - Environment.TickCount64);
                if (waitMillis != 0 && remaining <= 0)
                {
                    return -1;
                }

                Monitor.Wait(gate, remaining);
            }

            datagram = pending.Dequeue();
        }

        var length = Math.Min(datagram.Length, buffer.Length);
        datagram.AsSpan(0, length).CopyTo(buffer);
        return length;
    }

    public void Send(byte[] buf, int off, int len) => Send(buf.AsSpan(off, len));

    public void Send(ReadOnlySpan<byte> buffer)
    {
        if (!Volatile.Read(ref ended))
        {
            channel.Send(buffer);
        }
    }

    /// <summary>BouncyCastle closes the transport after close_notify or a fatal alert.</summary>
    public void Close() => End();

    /// <summary>Ends the transport: a waiting reader wakes and fails, later datagrams are ignored.</summary>
    public void End()
    {
        lock (gate)
        {
            if (ended)
            {
                return;
            }

            ended = true;
            pending.Clear();
            Monitor.PulseAll(gate);
        }

        channel.Received -= OnReceived;
        channel.Closed -= OnChannelClosed;
        Ended?.Invoke();
    }

    /// <summary>RFC 7983 §7: a first byte of 20 to 63 is DTLS; RTP, RTCP and the rest are someone else's.</summary>
    private static bool IsDtls(ReadOnlySpan<byte> datagram) => datagram.Length > 0 && datagram[0] is >= 20 and <= 63;

    private void OnChannelClosed()
    {
        ChannelClosed = true;
        End();
    }

    private void OnReceived(ReadOnlySpan<byte> datagram)
    {
        if (!IsDtls(datagram))
        {
            return;
        }

        Action? arrival;
        lock (gate)
        {
            if (ended)
            {
                return;
            }

            if (!DtlsRecordFilter.IsPlausible(datagram, ciphertext))
            {
                Interlocked.Increment(ref malformed);
                return;
            }

            if (pending.Count >= capacity)
            {
                Interlocked.Increment(ref dropped);
                return;
            }

            pending.Enqueue(datagram.ToArray());
            Monitor.Pulse(gate);
            arrival = onArrival;
        }

        arrival?.Invoke();
    }
}
