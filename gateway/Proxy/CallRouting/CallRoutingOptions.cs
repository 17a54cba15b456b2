namespace WebRtcChat.Gateway.Proxy.CallRouting;

/// <summary>The <c>Gateway:CallRouting</c> section: sending each call's requests to the SFU node hosting it.</summary>
public sealed class CallRoutingOptions
{
    public const string SectionName = "Gateway:CallRouting";

    /// <summary>The YARP cluster of the SFU nodes.</summary>
    public string Cluster { get; set; } = "mediasfu";

    /// <summary>How long the node hosting a call is remembered before a node is asked again.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one node may take to say where a call is before the next one is asked.</summary>
    public TimeSpan LookupTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public bool IsValid => Cluster.Length > 0 && CacheDuration >= TimeSpan.Zero && LookupTimeout > TimeSpan.Zero;
}
