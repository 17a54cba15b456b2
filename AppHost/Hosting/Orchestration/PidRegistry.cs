using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting.Orchestration;

/// <summary>
/// Remembers which process groups this AppHost started (one file each under <c>{data}/.pids</c>), so a
/// run that was killed without cleaning up has its orphans stopped by the next run.
/// </summary>
internal sealed class PidRegistry(DistributedApplicationModel model, ILogger<PidRegistry> logger)
{
    private readonly string folder = Path.Combine(model.DataDirectory, ".pids");

    public void Record(string resource, int slot, int pid, ProcessSpec spec)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(PathFor(resource, slot), JsonSerializer.Serialize(new Entry(pid, Path.GetFileName(spec.FileName))));
    }

    public void Forget(string resource, int slot) => File.Delete(PathFor(resource, slot));

    public void ReapOrphans()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.GetFiles(folder, "*.json"))
        {
            var entry = JsonSerializer.Deserialize<Entry>(File.ReadAllText(file));
            if (entry is not null && IsStill(entry))
            {
                logger.LogWarning("Stopping orphaned process group {Pid} ({Program}) left by an earlier run", entry.Pid, entry.Program);
                ProcessGroup.Signal(entry.Pid, ProcessGroup.SIGKILL);
            }

            File.Delete(file);
        }
    }

    private static bool IsStill(Entry entry)
    {
        var cmdline = $"/proc/{entry.Pid}/cmdline";
        return File.Exists(cmdline) && File.ReadAllText(cmdline).Contains(entry.Program, StringComparison.Ordinal);
    }

    private string PathFor(string resource, int slot) => Path.Combine(folder, $"{resource}.{slot}.json");

    private sealed record Entry(int Pid, string Program);
}
