using System.Globalization;
using WebRtcChat.WebRtc.Sdp;

namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>RTX (RFC 4588) in SDP: how an offer pairs its retransmission stream, and how an answer announces ours.</summary>
public static class RtxDescription
{
    private const string FlowIdentification = "FID";

    /// <summary>The retransmission SSRC of an a=ssrc-group:FID &lt;media&gt; &lt;rtx&gt;, if the section has one.</summary>
    public static uint? RtxSsrc(MediaDescription media) =>
        media.SsrcGroups.FirstOrDefault(g => g.Semantics == FlowIdentification) is { Ssrcs: [_, var rtx, ..] } ? rtx : null;

    /// <summary>For each media payload type, the rtx payload type whose apt names it.</summary>
    public static Dictionary<byte, byte> PayloadTypes(MediaDescription media)
    {
        var pairs = new Dictionary<byte, byte>();
        foreach (var codec in media.Codecs.Where(c => c.Is("rtx")))
        {
            if (byte.TryParse(codec.Parameter("apt"), NumberStyles.None, CultureInfo.InvariantCulture, out var apt) && apt < 128 && codec.PayloadType is > 0 and < 128)
            {
                pairs[apt] = (byte)codec.PayloadType;
            }
        }

        return pairs;
    }

    /// <summary>
    /// Announces the stream we retransmit <paramref name="mediaSsrc"/> on, when the section negotiated RTX: its a=ssrc
    /// lines (the media's cname and msid) and a=ssrc-group:FID pairing it with the media.
    /// </summary>
    public static void AnnounceRepair(MediaDescription media, uint mediaSsrc, uint repairSsrc)
    {
        if (!media.Codecs.Any(c => c.Is("rtx")))
        {
            return;
        }

        var described = media.Ssrcs.Where(s => s.Ssrc == mediaSsrc).ToList();
        media.Ssrcs.AddRange(described.Select(s => s with { Ssrc = repairSsrc }));
        media.SsrcGroups.Add(new SdpSsrcGroup(FlowIdentification, [mediaSsrc, repairSsrc]));
    }
}
