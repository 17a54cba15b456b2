using System.Runtime.InteropServices;

namespace WebRtcChat.WebRtc.Transport.Linux;

/// <summary>The libc calls .NET's sockets do not expose: sending many datagrams in one system call, and the kernel's receive time of a datagram.</summary>
internal static partial class LinuxSockets
{
    public const int EAGAIN = 11;
    public const int EINTR = 4;

    /// <summary>sendmmsg(2): sends up to <paramref name="count"/> datagrams; returns how many went, or -1.</summary>
    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMany(IntPtr socket, IntPtr messages, uint count, int flags);

    /// <summary>ioctl(2) SIOCGSTAMP: when the last datagram read from the socket reached it (a struct timeval, UTC).</summary>
    public const nuint SIOCGSTAMP = 0x8906;

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int GetTimeval(IntPtr socket, nuint request, out Timeval value);

    /// <summary>When the last datagram read from <paramref name="socket"/> arrived, as the kernel stamped it; null if it cannot say.</summary>
    public static DateTime? LastArrival(System.Net.Sockets.Socket socket) =>
        GetTimeval(socket.Handle, SIOCGSTAMP, out var stamp) == 0
            ? DateTime.UnixEpoch.AddTicks((stamp.Seconds * TimeSpan.TicksPerSecond) + (stamp.Microseconds * TimeSpan.TicksPerMicrosecond))
            : null;

    [StructLayout(LayoutKind.Sequential)]
    public struct Timeval
    {
        public long Seconds;
        public long Microseconds;
    }
}
