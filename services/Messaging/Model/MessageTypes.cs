namespace WebRtcChat.Messaging.Model;

public static class MessageTypes
{
    public const string Text = "text";
    public const string Voice = "voice";
    public const string File = "file";
    public const string Image = "image";
    public const string Video = "video";
}
