namespace WebRtcChat.Messaging.Model;

public static class RoomKinds
{
    public const string Direct = "direct";
    public const string Group = "group";
}
