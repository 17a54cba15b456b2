namespace WebRtcChat.MediaSfu.Nodes;

/// <summary>How this node takes part in the cluster of SFU nodes (the <c>MediaSfu</c> section, beside <see cref="Calls.SfuOptions"/>).</summary>
public sealed class NodeOptions
{
    public const string Section = "MediaSfu";

    /// <summary>
    /// This node's HTTP address as the gateway reaches it (one of its <c>services:mediasfu:http:N</c> destinations). By
    /// default the first address the server listens on.
    /// </summary>
    public string? HttpAddress { get; set; }

    /// <summary>How often the node renews its registration.</summary>
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A node whose registration was not renewed for this long is lost: its calls end.</summary>
    public TimeSpan NodeExpiry { get; set; } = TimeSpan.FromSeconds(6);

    public bool IsValid => HeartbeatInterval > TimeSpan.Zero && NodeExpiry > HeartbeatInterval;
}
