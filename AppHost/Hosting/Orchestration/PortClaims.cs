using System.Net.Sockets;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Machine-wide claims on ports among our own processes (AppHosts and test runs side by side, each drawing ports on
/// its own): a port is claimed by binding an abstract Unix socket named after it, which fails while another process
/// holds that name and is released by the kernel when the holder exits, leaving nothing behind. Linux only; elsewhere
/// every claim succeeds.
/// </summary>
public static class PortClaims
{
    private static readonly List<Socket> Held = [];

    public static bool TryClaim(int port)
    {
        if (!OperatingSystem.IsLinux())
        {
            return true;
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(NameOf(port)));
        }
        catch (SocketException)
        {
            socket.Dispose();
            return false;
        }

        lock (Held)
        {
            Held.Add(socket);
        }

        return true;
    }

    /// <summary>The abstract socket name (a leading NUL: no file) that stands for <paramref name="port"/>.</summary>
    public static string NameOf(int port) => $"\0webrtcchat-port-{port}";
}
