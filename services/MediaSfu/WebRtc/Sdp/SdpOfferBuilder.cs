using System.Globalization;
using System.Security.Cryptography;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>One m= section our client side offers: audio (Opus) or video (VP8 with RTX), and its direction.</summary>
public sealed record OfferedTrack(string Kind, MediaDirection Direction);

/// <summary>
/// Offers for our own client side (load generator, tests, Recording): one BUNDLE transport, DTLS actpass, rtcp-mux, Opus
/// and VP8 + RTX, mid/abs-send-time/transport-cc extensions; sending sections name their SSRCs, cname and msid.
/// </summary>
public static class SdpOfferBuilder
{
    public const int OpusPayloadType = 111;
    public const int Vp8PayloadType = 96;
    public const int Vp8RtxPayloadType = 97;

    private static readonly string[] CommonExtensions =
    [
        "urn:ietf:params:rtp-hdrext:sdes:mid",
        "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        SfuMediaPolicy.TransportCc,
    ];

    public static SessionDescription Build(SdpEndpoint client, IReadOnlyList<OfferedTrack> tracks)
    {
        var offer = SdpEndpoint.NewSession();
        offer.MsidSemantic = " WMS *";
        var stream = Guid.CreateVersion7().ToString();
        var cname = RandomNumberGenerator.GetHexString(16);
        for (var i = 0; i < tracks.Count; i++)
        {
            var media = client.NewMedia(tracks[i].Kind, "UDP/TLS/RTP/SAVPF", i.ToString(CultureInfo.InvariantCulture), "actpass");
            media.Direction = tracks[i].Direction;
            media.RtcpRsize = true;
            AddExtensions(media);
            var video = tracks[i].Kind == "video";
            media.Codecs.AddRange(video ? Vp8WithRtx() : [Opus()]);
            media.Formats.AddRange(media.Codecs.Select(codec => codec.PayloadType.ToString(CultureInfo.InvariantCulture)));
            if (tracks[i].Direction is MediaDirection.SendRecv or MediaDirection.SendOnly)
            {
                AddSources(media, stream, cname, video);
            }

            offer.Media.Add(media);
        }

        offer.Groups.Add(new SdpGroup("BUNDLE", [.. offer.Media.Select(media => media.Mid!)]));
        return offer;
    }

    private static void AddExtensions(MediaDescription media)
    {
        var uris = media.Kind == "audio" ? [.. CommonExtensions, "urn:ietf:params:rtp-hdrext:ssrc-audio-level"] : CommonExtensions;
        media.Extmaps.AddRange(uris.Select((uri, index) => new SdpExtmap(index + 1, null, uri)));
    }

    private static RtpCodec Opus()
    {
        var opus = new RtpCodec { PayloadType = OpusPayloadType, Name = "opus", ClockRate = 48000, Channels = 2, Parameters = "minptime=10;useinbandfec=1" };
        opus.Feedback.Add("transport-cc");
        return opus;
    }

    private static RtpCodec[] Vp8WithRtx()
    {
        var vp8 = new RtpCodec { PayloadType = Vp8PayloadType, Name = "VP8", ClockRate = 90000 };
        vp8.Feedback.AddRange(["goog-remb", "transport-cc", "ccm fir", "nack", "nack pli"]);
        var rtx = new RtpCodec { PayloadType = Vp8RtxPayloadType, Name = "rtx", ClockRate = 90000, Parameters = $"apt={Vp8PayloadType}" };
        return [vp8, rtx];
    }

    /// <summary>a=msid, a=ssrc cname/msid, and for video the RTX source paired by a=ssrc-group:FID.</summary>
    private static void AddSources(MediaDescription media, string stream, string cname, bool withRtx)
    {
        var track = Guid.CreateVersion7().ToString();
        media.Msid = $"{stream} {track}";
        uint[] ssrcs = withRtx ? [RandomSsrc(), RandomSsrc()] : [RandomSsrc()];
        foreach (var ssrc in ssrcs)
        {
            media.Ssrcs.Add(new SdpSsrcAttribute(ssrc, "cname", cname));
            media.Ssrcs.Add(new SdpSsrcAttribute(ssrc, "msid", media.Msid));
        }

        if (withRtx)
        {
            media.SsrcGroups.Add(new SdpSsrcGroup("FID", ssrcs));
        }
    }

    private static uint RandomSsrc() => (uint)RandomNumberGenerator.GetInt32(1, int.MaxValue);
}
