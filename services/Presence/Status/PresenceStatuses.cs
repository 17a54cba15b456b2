namespace WebRtcChat.Presence.Status;

public static class PresenceStatuses
{
    public const string Online = "online";
    public const string Away = "away";
    public const string Busy = "busy";
    public const string Offline = "offline";
    public const int MaxStatusTextLength = 100;

    /// <summary>What a user may choose while connected; offline is only ever the absence of connections.</summary>
    public static bool IsChoosable(string? status) => status is Online or Away or Busy;
}
