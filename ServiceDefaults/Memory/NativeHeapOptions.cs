namespace Microsoft.Extensions.Hosting;

/// <summary>Configuration section <c>NativeHeap</c>.</summary>
public sealed class NativeHeapOptions
{
    public const string SectionName = "NativeHeap";
    public static readonly TimeSpan LongestTrimInterval = TimeSpan.FromDays(1);

    /// <summary>How often free native heap memory is handed back to the system; zero turns it off.</summary>
    public TimeSpan TrimInterval { get; set; } = TimeSpan.FromSeconds(30);
}
