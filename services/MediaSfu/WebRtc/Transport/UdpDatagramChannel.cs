using System.Net;
using System.Net.Sockets;

namespace WebRtcChat.WebRtc.Transport;

/// <summary>
/// A UDP socket bound to a local port that talks to one fixed remote endpoint, with its own receive loop; datagrams from
/// other addresses are dropped. Used where no ICE is needed (tests, tools, the loopback side of benchmarks).
/// </summary>
public sealed class UdpDatagramChannel : IDatagramChannel, IDisposable
{
    private const int MaxDatagram = 1500;

    private readonly Socket socket;
    private readonly CancellationTokenSource stopping = new();
    private IPEndPoint? remote;

    public UdpDatagramChannel(IPEndPoint local)
    {
        socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(local);
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
    }

    public IPEndPoint LocalEndPoint { get; }

    public long DroppedFromStrangers { get; private set; }

    public event DatagramHandler? Received;

    public event Action? Closed;

    /// <summary>Fixes the peer and starts receiving.</summary>
    public void Connect(IPEndPoint peer)
    {
        remote = peer;
        _ = ReceiveLoopAsync();
    }

    public void Send(ReadOnlySpan<byte> datagram)
    {
        if (remote is null)
        {
            throw new InvalidOperationException("Connect the channel to its peer before sending.");
        }

        try
        {
            socket.SendTo(datagram, SocketFlags.None, remote);
        }
        catch (SocketException)
        {
            // UDP: a send that fails is a lost packet.
        }
        catch (ObjectDisposedException)
        {
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
        Closed?.Invoke();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[MaxDatagram];
        var from = new SocketAddress(socket.AddressFamily);
        var expected = remote!.Serialize();
        while (!stopping.IsCancellationRequested)
        {
            int length;
            try
            {
                length = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, stopping.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            if (!from.Equals(expected))
            {
                DroppedFromStrangers++;
                continue;
            }

            Received?.Invoke(buffer.AsSpan(0, length));
        }
    }
}
