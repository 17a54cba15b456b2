using System.Diagnostics;

namespace WebRtcChat.Bench.SfuLoad.Servers;

/// <summary>
/// The servers run at a higher priority than the load generator (nice -10 through nice(1), every thread inherits it):
/// the generator's publisher and subscriber threads share the same two cores, and a server on its own cores would not
/// wait behind them. Both servers get the same. Without the right to raise it (not root), nice(1) warns and runs the
/// server at normal priority. A real-time run puts a whole server process under chrt(1) SCHED_FIFO instead (Janus; our
/// SFU raises only its receive threads itself).
/// </summary>
public static class ServerPriority
{
    public const int Niceness = -10;

    public static ProcessStartInfo Raised(string fileName, IEnumerable<string> arguments) =>
        new("/usr/bin/nice", ["-n", Niceness.ToString(System.Globalization.CultureInfo.InvariantCulture), fileName, .. arguments]);

    /// <summary>Every thread of the process at real-time <paramref name="priority"/> (1-99).</summary>
    public static ProcessStartInfo Realtime(int priority, string fileName, IEnumerable<string> arguments) =>
        new("/usr/bin/chrt", ["--fifo", priority.ToString(System.Globalization.CultureInfo.InvariantCulture), fileName, .. arguments]);
}
