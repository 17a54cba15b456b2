using System.Net;
using System.Net.Sockets;
using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Tests.Ice;

public sealed class ReceiveBufferTests
{
    private const int FourMiB = 4 * 1024 * 1024;

    [Fact]
    public void The_media_socket_gets_its_buffer_past_the_kernel_default_cap()
    {
        // The test runs as root (as CI does): the buffer must not stay at net.core.rmem_max when that is lower.
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        ReceiveBuffer.Enlarge(socket, FourMiB);

        Assert.True(socket.ReceiveBufferSize >= FourMiB, $"receive buffer {socket.ReceiveBufferSize} B, rmem_max {File.ReadAllText("/proc/sys/net/core/rmem_max").Trim()} B");
    }
}
