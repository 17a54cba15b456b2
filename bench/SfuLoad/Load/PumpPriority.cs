using System.Runtime.InteropServices;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// The media pump's thread runs at the servers' priority (<see cref="Servers.ServerPriority"/>): it stands for the
/// publishers' own machines, and a send stamped and then held up behind the subscribers' threads would count the
/// wait as the server's latency. Linux only; without the right to raise it, the thread keeps its priority.
/// </summary>
internal static partial class PumpPriority
{
    private const int PrioProcess = 0;

    public static void RaiseCurrentThread()
    {
        if (OperatingSystem.IsLinux())
        {
            _ = SetPriority(PrioProcess, GetThreadId(), Servers.ServerPriority.Niceness);
        }
    }

    [LibraryImport("libc", EntryPoint = "setpriority")]
    private static partial int SetPriority(int which, int who, int priority);

    [LibraryImport("libc", EntryPoint = "gettid")]
    private static partial int GetThreadId();
}
