using System.Net;
using System.Net.Sockets;
using WebRtcChat.WebRtc.Transport;
using WebRtcChat.WebRtc.Transport.Linux;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>Receives one datagram; both spans are only valid during the call (buffer and address are reused).</summary>
internal delegate void ReceivedFrom(ReadOnlySpan<byte> datagram, SocketAddress from);

/// <summary>
/// One UDP socket and the thread that receives on it: one buffer and one <see cref="SocketAddress"/> reused for every
/// datagram, so the hot path allocates nothing. Each datagram is handed to the handler on that thread; whatever the
/// handler sends meanwhile (a packet forwarded to every subscriber) leaves in one sendmmsg(2) when it returns.
/// Several loops can share one port (SO_REUSEPORT, Linux): the kernel gives each remote address's datagrams to one of
/// them, always the same while the group stays as it is.
/// </summary>
internal sealed class UdpReceiveLoop : IDisposable
{
    private const int MaxDatagram = 2048;
    private const int ReceiveBufferBytes = 4 * 1024 * 1024;
    private const int SolSocket = 1;
    private const int SoReusePort = 15;

    [ThreadStatic]
    private static UdpReceiveLoop? current;

    // Each thread sending for a loop (its receive thread, its fan-out helper) batches into its own.
    [ThreadStatic]
    private static SendBatch? threadBatch;

    [ThreadStatic]
    private static int sendsFromHandler;

    // The loop whose receive thread this is (its fan-out helper's thread has none): whose socket holds the arrival
    // time of the datagram being handled.
    [ThreadStatic]
    private static UdpReceiveLoop? receiving;

    // How often a receive gives up waiting to look at the stop flag: closing a socket does not wake a blocked receive.
    private static readonly TimeSpan StopCheckInterval = TimeSpan.FromMilliseconds(250);

    private readonly Socket socket;
    private readonly ReceivedFrom handler;
    private readonly Thread receiver;
    private readonly FanOutHelper? helper;
    private volatile bool stopping;
    private volatile bool stampArrivals;
    private volatile ForwardingTimes? forwardingTimes;
    private readonly int realtimePriority;
    private readonly ManualResetEventSlim started = new();
    private volatile bool realtime;
    private long handlerFaults;
    private long refusedSends;

    /// <param name="sharePort">Whether other loops may bind the same port (SO_REUSEPORT; Linux only): set on each of them.</param>
    /// <param name="realtimePriority">1-99 runs the receive thread at that real-time priority (see <see cref="RealtimeScheduling"/>); 0 at normal priority.</param>
    /// <param name="fanOutHelper">Whether a <see cref="FanOutHelper"/> thread stands by for the handler's large fan-outs.</param>
    public UdpReceiveLoop(IPEndPoint bind, ReceivedFrom handler, bool sharePort = false, int realtimePriority = 0, bool fanOutHelper = false)
    {
        this.realtimePriority = realtimePriority;
        socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.Address.Equals(IPAddress.IPv6Any))
        {
            // [::] serves IPv4 peers on the same port too.
            socket.DualMode = true;
        }

        if (sharePort && OperatingSystem.IsLinux())
        {
            socket.SetRawSocketOption(SolSocket, SoReusePort, BitConverter.GetBytes(1));
        }

        ReceiveBuffer.Enlarge(socket, ReceiveBufferBytes);
        if (OperatingSystem.IsLinux())
        {
            // The kernel stamps a socket's datagrams on arrival only after a first SIOCGSTAMP: asked now, any datagram's
            // arrival can be read later (DatagramArrival), not only the time it was read.
            _ = LinuxSockets.LastArrival(socket);
        }

        socket.ReceiveTimeout = (int)StopCheckInterval.TotalMilliseconds;
        socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        this.handler = handler;
        helper = fanOutHelper ? new FanOutHelper(this, realtimePriority) : null;
        receiver = new Thread(Receive) { IsBackground = true, Name = $"udp {LocalEndPoint.Port}" };
        // The thread outlives whoever created it: it must not carry (and keep alive) their async-local state.
        receiver.UnsafeStart();
        started.Wait(); // its priority is settled (IsRealtime) before anyone asks
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Whether the receive thread got the real-time priority it was asked for.</summary>
    public bool IsRealtime => realtime;

    /// <summary>The loop's fan-out helper, if it has one.</summary>
    public FanOutHelper? Helper => helper;

    /// <summary>The loop whose handler is running on this thread (or its helper's chunk), if any.</summary>
    public static UdpReceiveLoop? Current => current;

    /// <summary>Whether each datagram's kernel arrival time is read into <see cref="Arrival"/> (one more system call per datagram; Linux only): for measuring.</summary>
    public bool StampArrivals
    {
        get => stampArrivals;
        set => stampArrivals = value && OperatingSystem.IsLinux();
    }

    /// <summary>
    /// When set, each datagram whose handler sent something (a packet forwarded) counts its time in the server there:
    /// from its arrival at the socket, and from being read, to its last copy handed to the kernel. Turns on
    /// <see cref="StampArrivals"/>.
    /// </summary>
    public ForwardingTimes? ForwardingTimes
    {
        get => forwardingTimes;
        set
        {
            forwardingTimes = value;
            StampArrivals |= value is not null;
        }
    }

    /// <summary>When the datagram being handled reached the socket (UTC), while <see cref="StampArrivals"/>; valid on the handler's thread during the handler.</summary>
    public DateTime? Arrival { get; private set; }

    /// <summary>
    /// When the datagram being handled on the calling thread reached its socket, as the kernel stamped it (UTC); null
    /// off a receive thread or where the kernel cannot say. One system call unless <see cref="StampArrivals"/> read it.
    /// </summary>
    internal static DateTime? CurrentArrival =>
        receiving is { } loop ? loop.Arrival ?? (OperatingSystem.IsLinux() ? LinuxSockets.LastArrival(loop.socket) : null) : null;

    /// <summary>Datagrams the handler threw on (a bug upstream); counted so the loop survives it.</summary>
    public long HandlerFaults => Interlocked.Read(ref handlerFaults);

    /// <summary>Datagrams the kernel refused to send (full send buffer, unreachable address): lost, as UDP allows.</summary>
    public long RefusedSends => Interlocked.Read(ref refusedSends);

    public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        if (current == this && threadBatch is { } batch && SendBatch.Fits(datagram, to))
        {
            batch.Add(datagram, to);
            sendsFromHandler++;
            if (batch.IsFull)
            {
                FlushSends();
            }

            return;
        }

        try
        {
            socket.SendTo(datagram, SocketFlags.None, to);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // UDP: a send that fails is a lost packet.
            Interlocked.Increment(ref refusedSends);
        }
    }

    public void Dispose()
    {
        if (stopping)
        {
            return;
        }

        stopping = true;
        helper?.Dispose();
        socket.Dispose();
        started.Dispose();
    }

    /// <summary>Makes the calling thread send for this loop as its receive thread does (batched, at its priority); true when real-time.</summary>
    internal bool JoinAsSender(int priority)
    {
        current = this;
        threadBatch = OperatingSystem.IsLinux() ? new SendBatch() : null;
        return priority > 0 && RealtimeScheduling.TryRaiseCurrentThread(priority);
    }

    /// <summary>The handler's fan-out was shared with the helper: it counts as sent from the handler, whoever sent the copies.</summary>
    internal static void CountSharedFanOut() => sendsFromHandler++;

    /// <summary>Whether another datagram is already waiting at the socket (one ioctl).</summary>
    internal bool HasWaitingDatagrams
    {
        get
        {
            try
            {
                return socket.Available > 0;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                return false;
            }
        }
    }

    /// <summary>Hands what the calling thread has batched to the kernel.</summary>
    internal void FlushSends()
    {
        if (threadBatch is { Count: > 0 } batch)
        {
            var refused = batch.Flush(socket);
            if (refused > 0)
            {
                Interlocked.Add(ref refusedSends, refused);
            }
        }
    }

    private void Receive()
    {
        realtime = JoinAsSender(realtimePriority);
        receiving = this;
        FanOutHelper.Attach(helper);
        started.Set();
        var buffer = new byte[MaxDatagram];
        var from = new SocketAddress(socket.AddressFamily);
        while (!stopping)
        {
            int length;
            try
            {
                length = socket.ReceiveFrom(buffer, SocketFlags.None, from);
            }
            catch (SocketException)
            {
                // The stop check's timeout, or ICMP port-unreachable (a SocketException on Linux): only a stop ends the loop.
                continue;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            Arrival = stampArrivals ? LinuxSockets.LastArrival(socket) : null;
            var times = forwardingTimes;
            var readAt = times is null ? default : DateTime.UtcNow;
            sendsFromHandler = 0;
            Deliver(buffer.AsSpan(0, length), from);
            FlushSends();
            if (times is not null && sendsFromHandler > 0 && Arrival is { } arrival)
            {
                var sentAt = DateTime.UtcNow;
                times.Latency.Record(sentAt - arrival);
                times.Handling.Record(sentAt - readAt);
            }
        }
    }

    private void Deliver(ReadOnlySpan<byte> datagram, SocketAddress from)
    {
        try
        {
            handler(datagram, from);
        }
        catch (Exception)
        {
            // The loop serves every peer on the port: one faulty packet handler must not stop it.
            Interlocked.Increment(ref handlerFaults);
        }
    }
}
