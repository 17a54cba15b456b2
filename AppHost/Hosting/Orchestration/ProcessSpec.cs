namespace Aspire.Hosting.Orchestration;

/// <summary>One process to run. Companions start before it and stop after it (RabbitMQ's epmd).</summary>
public sealed record ProcessSpec(string FileName, IReadOnlyList<string> Arguments)
{
    public string WorkingDirectory { get; init; } = System.Environment.CurrentDirectory;

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Run as this system user (PostgreSQL refuses to run as root).</summary>
    public string? User { get; init; }

    /// <summary>Signal that asks the process to shut down cleanly (PostgreSQL's fast shutdown is SIGINT).</summary>
    public int StopSignal { get; init; } = ProcessGroup.SIGTERM;

    public IReadOnlyList<ProcessSpec> Companions { get; init; } = [];

    /// <summary>For a companion: the port it must accept connections on before the main process starts.</summary>
    public int? ListensOnPort { get; init; }

    public string CommandLine => string.Join(' ', [FileName, .. Arguments]);
}
