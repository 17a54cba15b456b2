using System.Runtime.InteropServices;

namespace WebRtcChat.WebRtc.Transport.Linux;

/// <summary>The libc calls .NET's sockets do not expose: sending many datagrams in one system call.</summary>
internal static partial class LinuxSockets
{
    public const int EAGAIN = 11;
    public const int EINTR = 4;

    /// <summary>sendmmsg(2): sends up to <paramref name="count"/> datagrams; returns how many went, or -1.</summary>
    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMany(IntPtr socket, IntPtr messages, uint count, int flags);
}
