namespace WebRtcChat.MediaSfu.Calls;

/// <summary>The <c>MediaSfu</c> configuration section.</summary>
public sealed class SfuOptions
{
    public const string Section = "MediaSfu";

    /// <summary>This node's name in the call registry (which node hosts a call's media).</summary>
    public string Node { get; set; } = Environment.MachineName;
}
