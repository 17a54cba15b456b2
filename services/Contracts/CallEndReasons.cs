namespace WebRtcChat.Contracts;

/// <summary>Why a call ended without its participants hanging up (<see cref="CallEnded.Reason"/>).</summary>
public static class CallEndReasons
{
    /// <summary>The SFU node carrying the call's media stopped answering; its participants should join the room's call again.</summary>
    public const string NodeLost = "node-lost";
}
