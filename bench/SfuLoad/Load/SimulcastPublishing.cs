using WebRtcChat.Bench.SfuLoad.Media;
using WebRtcChat.WebRtc.Client;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.Bench.SfuLoad.Load;

/// <summary>
/// A publisher's video section offered as rid simulcast, as Chrome offers it: no a=ssrc lines, one a=rid per layer,
/// a=simulcast listing them, and the rid header extension, which every packet of a layer carries with the mid (the
/// servers learn each layer's SSRC from them). The layers are listed highest first, the order Janus's own client sends
/// its encodings in: Janus takes the first rid as its best substream (listed lowest first, its subscribers got the
/// 180p layer), while our SFU orders layers by the heights it sees.
/// </summary>
public static class SimulcastPublishing
{
    public const string VideoMid = "1";
    public const int MidExtension = 1; // as SdpOfferBuilder numbers it
    public const int RidExtension = 10;
    public const string RidUri = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";

    public static void Offer(ClientPeer peer, IReadOnlyList<VideoLayer> layers)
    {
        ArgumentNullException.ThrowIfNull(peer);
        ArgumentNullException.ThrowIfNull(layers);
        var video = peer.Offer.Media.Single(m => m.Mid == VideoMid);
        video.Ssrcs.Clear();
        video.SsrcGroups.Clear();
        video.Extmaps.Add(new SdpExtmap(RidExtension, null, RidUri));
        video.Rids.AddRange(layers.Reverse().Select(layer => new SdpRid(layer.Rid, RidDirection.Send)));
        video.Simulcast = "send " + string.Join(";", layers.Reverse().Select(layer => layer.Rid));
    }
}
