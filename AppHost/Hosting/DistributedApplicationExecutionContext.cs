namespace Aspire.Hosting;

public enum DistributedApplicationOperation
{
    Run,
    Publish,
}

/// <summary>Whether the AppHost runs the application or only writes its deployment manifest.</summary>
public sealed class DistributedApplicationExecutionContext(DistributedApplicationOperation operation)
{
    public DistributedApplicationOperation Operation { get; } = operation;

    public bool IsRunMode => Operation == DistributedApplicationOperation.Run;

    public bool IsPublishMode => Operation == DistributedApplicationOperation.Publish;
}
