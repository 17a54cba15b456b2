using System.Net;
using System.Net.Sockets;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>A remote transport address a session validated: kept both as the socket's key and as an endpoint.</summary>
internal sealed class RemoteAddress(SocketAddress address, IceLiteSession session)
{
    public SocketAddress Address { get; } = address;

    public IPEndPoint EndPoint { get; } = ToEndPoint(address);

    public IceLiteSession Session { get; } = session;

    /// <summary>A copy that outlives the receive loop's reused instance.</summary>
    public static SocketAddress Copy(SocketAddress from)
    {
        var copy = new SocketAddress(from.Family, from.Size);
        from.Buffer.Span[..from.Size].CopyTo(copy.Buffer.Span);
        return copy;
    }

    public static IPEndPoint ToEndPoint(SocketAddress address)
    {
        var template = new IPEndPoint(address.Family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        return (IPEndPoint)template.Create(address);
    }
}
