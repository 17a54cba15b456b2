namespace WebRtcChat.Presence.Calls;

/// <summary>What a call carries; the callee's client opens the matching devices.</summary>
public static class CallMedia
{
    public const string Audio = "audio";
    public const string Video = "video";

    public static bool IsKnown(string? media) => media is Audio or Video;
}
