namespace WebRtcChat.MediaSfu.Media;

public enum MediaKind
{
    Audio,
    Video,
}
