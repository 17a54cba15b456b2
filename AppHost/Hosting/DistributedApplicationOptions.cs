namespace Aspire.Hosting;

public sealed class DistributedApplicationOptions
{
    public string[] Args { get; init; } = [];

    /// <summary>Turns the dashboard (and its OTLP receiver) off, as the test harness does.</summary>
    public bool DisableDashboard { get; init; }

    /// <summary>Where infrastructure keeps its data; <c>AppHost:DataDirectory</c> or <c>.data/</c> beside the solution when unset.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>The folder whose project paths and manifest paths are relative to; the AppHost project's own folder by default.</summary>
    public string? AppHostDirectory { get; init; }
}
