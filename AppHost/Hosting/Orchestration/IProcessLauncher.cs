using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting.Orchestration;

/// <summary>How a resource runs as a local process: what it needs installed, how to prepare its data, what to run.</summary>
public interface IProcessLauncher
{
    /// <summary>Checked before anything starts, so a missing install stops start-up with one clear line.</summary>
    IReadOnlyList<RequiredBinary> RequiredBinaries { get; }

    /// <summary>Initialises data and configuration (idempotent) and describes the processes to run.</summary>
    Task<ProcessSpec> PrepareAsync(LaunchContext context, CancellationToken cancellationToken);

    /// <summary>Runs once the process is healthy, e.g. to create databases.</summary>
    Task OnHealthyAsync(LaunchContext context, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>Attaches a launcher to a resource: the resource then runs as a supervised process.</summary>
public sealed class ProcessLaunchAnnotation(IProcessLauncher launcher, bool restartOnExit) : IResourceAnnotation
{
    public IProcessLauncher Launcher { get; } = launcher;

    public bool RestartOnExit { get; } = restartOnExit;
}

/// <summary>A program that must exist, found as the first existing candidate path, and how to install it.</summary>
public sealed record RequiredBinary(string Description, IReadOnlyList<string> Candidates, string InstallHint)
{
    public string? Locate() => Candidates.SelectMany(BinaryLocator.Expand).FirstOrDefault(File.Exists);

    public string Resolve() => Locate() ?? throw new DistributedApplicationException(
        $"{Description} not found ({string.Join(" or ", Candidates)}); {InstallHint}");
}

public static class BinaryLocator
{
    /// <summary>Expands one '*' in a directory segment (e.g. /usr/lib/postgresql/*/bin/postgres), newest version first.</summary>
    public static IEnumerable<string> Expand(string candidate)
    {
        var star = candidate.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
        {
            return [candidate];
        }

        var parent = Path.GetDirectoryName(candidate[..(star + 1)])!;
        var rest = candidate[(candidate.IndexOf('/', star) + 1)..];
        if (!Directory.Exists(parent))
        {
            return [];
        }

        return Directory.GetDirectories(parent)
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d), out var v) ? v : new Version(0, 0))
            .Select(d => Path.Combine(d, rest));
    }
}
