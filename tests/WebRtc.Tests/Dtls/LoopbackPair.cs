using System.Net;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Dtls;

/// <summary>Two UDP channels on loopback connected to each other.</summary>
internal sealed class LoopbackPair : IDisposable
{
    public LoopbackPair()
    {
        A = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        B = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        A.Connect(B.LocalEndPoint);
        B.Connect(A.LocalEndPoint);
    }

    public UdpDatagramChannel A { get; }

    public UdpDatagramChannel B { get; }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
