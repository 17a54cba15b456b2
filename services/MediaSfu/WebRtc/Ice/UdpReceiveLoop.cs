using System.Net;
using System.Net.Sockets;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>Receives one datagram; both spans are only valid during the call (buffer and address are reused).</summary>
internal delegate void ReceivedFrom(ReadOnlySpan<byte> datagram, SocketAddress from);

/// <summary>
/// One UDP socket and its receive loop: one buffer and one <see cref="SocketAddress"/> reused for every datagram, so the
/// hot path allocates nothing; each datagram is handed to the handler on the loop.
/// </summary>
internal sealed class UdpReceiveLoop : IDisposable
{
    private const int MaxDatagram = 2048;
    private const int ReceiveBufferBytes = 4 * 1024 * 1024;

    private readonly Socket socket;
    private readonly ReceivedFrom handler;
    private readonly CancellationTokenSource stopping = new();

    public UdpReceiveLoop(IPEndPoint bind, ReceivedFrom handler)
    {
        socket = new Socket(bind.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (bind.Address.Equals(IPAddress.IPv6Any))
        {
            // [::] serves IPv4 peers on the same port too.
            socket.DualMode = true;
        }

        ReceiveBuffer.Enlarge(socket, ReceiveBufferBytes);
        socket.Bind(bind);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        this.handler = handler;
        // The loop outlives whoever created it: it must not carry (and keep alive) their async-local state.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(ReceiveAsync);
        }
    }

    public IPEndPoint LocalEndPoint { get; }

    /// <summary>Datagrams the handler threw on (a bug upstream); counted so the loop survives it.</summary>
    public long HandlerFaults { get; private set; }

    public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress to)
    {
        try
        {
            socket.SendTo(datagram, SocketFlags.None, to);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // UDP: a send that fails is a lost packet.
        }
    }

    public void Dispose()
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        stopping.Cancel();
        socket.Dispose();
        stopping.Dispose();
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[MaxDatagram];
        var from = new SocketAddress(socket.AddressFamily);
        var token = stopping.Token;
        while (!token.IsCancellationRequested)
        {
            int length;
            try
            {
                // No token: registering one per pending receive allocates; disposing the socket ends the receive instead.
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from);
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException)
            {
                // ICMP port-unreachable surfaces as a SocketException on Linux; only a stop ends the loop.
                continue;
            }

            Deliver(buffer.AsSpan(0, length), from);
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
            HandlerFaults++;
        }
    }
}
