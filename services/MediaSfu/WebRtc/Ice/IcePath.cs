using System.Net;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>The candidate pair an <see cref="IceAgent"/> selected, as the datagram channel DTLS and SRTP run on.</summary>
public sealed class IcePath : IDatagramChannel
{
    private readonly UdpReceiveLoop loop;
    private int closed;

    internal IcePath(UdpReceiveLoop loop, SocketAddress remote)
    {
        this.loop = loop;
        RemoteAddress = remote;
        RemoteEndPoint = Ice.RemoteAddress.ToEndPoint(remote);
    }

    public IPEndPoint LocalEndPoint => loop.LocalEndPoint;

    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>When the datagram being delivered reached the socket (UTC), if its agent stamps arrivals; valid during <see cref="Received"/>.</summary>
    public DateTime? Arrival => loop.Arrival;

    public bool IsClosed => Volatile.Read(ref closed) == 1;

    public event DatagramHandler? Received;

    public event Action? Closed;

    internal SocketAddress RemoteAddress { get; }

    internal UdpReceiveLoop Loop => loop;

    public void Send(ReadOnlySpan<byte> datagram)
    {
        if (!IsClosed)
        {
            loop.SendTo(datagram, RemoteAddress);
        }
    }

    internal void Deliver(ReadOnlySpan<byte> datagram) => Received?.Invoke(datagram);

    internal void Close()
    {
        if (Interlocked.Exchange(ref closed, 1) == 0)
        {
            Closed?.Invoke();
        }
    }
}
