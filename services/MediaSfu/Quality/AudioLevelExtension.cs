using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Quality;

/// <summary>The client-to-mixer audio level header extension (RFC 6464) as an m-section negotiates it.</summary>
public static class AudioLevelExtension
{
    public const string Uri = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";

    /// <summary>The id an answered section gave the audio level, 0 when it does not carry it.</summary>
    public static int IdIn(MediaDescription answered) =>
        answered.Extmaps.FirstOrDefault(extmap => extmap.Uri == Uri)?.Id ?? 0;
}
