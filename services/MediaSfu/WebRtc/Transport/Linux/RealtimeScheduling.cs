using System.Runtime.InteropServices;

namespace WebRtcChat.WebRtc.Transport.Linux;

/// <summary>
/// Real-time scheduling (SCHED_FIFO) for the calling thread: it runs as soon as it is woken, ahead of every normal
/// thread, so a packet does not wait for a core behind other work. Needs CAP_SYS_NICE (root, or granted); the kernel
/// still leaves normal threads 5 % of each core (sched_rt_runtime_us).
/// </summary>
internal static partial class RealtimeScheduling
{
    private const int SchedFifo = 1;
    private const int CallingThread = 0;

    /// <summary>Puts the calling thread at <paramref name="priority"/> (1-99); false when not allowed or not Linux.</summary>
    public static bool TryRaiseCurrentThread(int priority)
    {
        if (!OperatingSystem.IsLinux() || priority is < 1 or > 99)
        {
            return false;
        }

        var parameter = new SchedParam { Priority = priority };
        return SetScheduler(CallingThread, SchedFifo, ref parameter) == 0;
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SetScheduler(int pid, int policy, ref SchedParam parameter);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
