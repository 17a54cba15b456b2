using System.Runtime.InteropServices;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Signals for whole process groups. Every resource process is started through setsid, so its pid
/// is also its process-group id and everything it spawns can be stopped with one call.
/// </summary>
public static partial class ProcessGroup
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    private const int ESRCH = 3;

    public static bool Signal(int processGroupId, int signal) => kill(-processGroupId, signal) == 0;

    public static bool SignalProcess(int pid, int signal) => kill(pid, signal) == 0;

    /// <summary>True while any process of the group is alive (signal 0 probes without delivering).</summary>
    public static bool IsAlive(int processGroupId) => kill(-processGroupId, 0) == 0 || Marshal.GetLastPInvokeError() != ESRCH;

    public static bool IsRoot => geteuid() == 0;

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int sig);

    [LibraryImport("libc")]
    private static partial uint geteuid();
}
