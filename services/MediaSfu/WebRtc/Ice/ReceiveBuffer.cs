using System.Net.Sockets;

namespace WebRtcChat.WebRtc.Ice;

/// <summary>
/// Sizes a UDP socket's kernel receive buffer. Every participant's media arrives on one socket, so bursts need room; a
/// full buffer drops datagrams silently.
/// </summary>
internal static class ReceiveBuffer
{
    private const int SolSocket = 1;
    private const int SoRcvBufForce = 33;

    /// <summary>
    /// Asks for <paramref name="bytes"/>. Linux caps SO_RCVBUF at net.core.rmem_max (208 KiB by default, about a hundred
    /// datagrams); a privileged process may go past the cap with SO_RCVBUFFORCE, which is tried when the plain request was cut.
    /// </summary>
    public static void Enlarge(Socket socket, int bytes)
    {
        socket.ReceiveBufferSize = bytes;
        if (!OperatingSystem.IsLinux() || socket.ReceiveBufferSize >= bytes)
        {
            return;
        }

        try
        {
            socket.SetRawSocketOption(SolSocket, SoRcvBufForce, BitConverter.GetBytes(bytes));
        }
        catch (SocketException)
        {
            // Not privileged: keep what rmem_max allows (operators raise it with sysctl, see the README).
        }
    }
}
