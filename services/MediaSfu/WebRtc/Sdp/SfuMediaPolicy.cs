using System.Globalization;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>What the SFU forwards: which codecs, feedback messages and header extensions an answer keeps.</summary>
internal static class SfuMediaPolicy
{
    public const string TransportCc = "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";

    private static readonly HashSet<string> Extensions =
    [
        "urn:ietf:params:rtp-hdrext:sdes:mid",
        "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id",
        "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id",
        "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time",
        "urn:ietf:params:rtp-hdrext:ssrc-audio-level",
        TransportCc,
    ];

    private static readonly HashSet<string> Feedback = ["nack", "nack pli", "ccm fir", "goog-remb", "transport-cc"];

    public static bool KeepsExtension(SdpExtmap extmap) => Extensions.Contains(extmap.Uri);

    /// <summary>The offered codecs we forward, in the offer's order, each followed by its RTX; copies, with our feedback only.</summary>
    public static List<RtpCodec> SelectCodecs(MediaDescription offered, bool transportCc)
    {
        var primary = offered.Codecs.Where(codec => IsForwardable(offered.Kind, codec)).ToList();
        var kept = new List<RtpCodec>();
        foreach (var codec in primary)
        {
            kept.Add(Copy(codec, transportCc));
            var apt = codec.PayloadType.ToString(CultureInfo.InvariantCulture);
            var rtx = offered.Codecs.FirstOrDefault(candidate => candidate.Is("rtx") && candidate.Parameter("apt") == apt);
            if (rtx is not null)
            {
                kept.Add(Copy(rtx, transportCc));
            }
        }

        return kept;
    }

    private static bool IsForwardable(string kind, RtpCodec codec) => kind switch
    {
        "audio" => codec.Is("opus") && codec.ClockRate == 48000,
        "video" => codec.Is("VP8") || codec.Is("VP9") || (codec.Is("H264") && codec.Parameter("packetization-mode") == "1"),
        _ => false,
    };

    private static RtpCodec Copy(RtpCodec codec, bool transportCc)
    {
        var copy = new RtpCodec
        {
            PayloadType = codec.PayloadType,
            Name = codec.Name,
            ClockRate = codec.ClockRate,
            Channels = codec.Channels,
            Parameters = codec.Parameters,
        };
        copy.Feedback.AddRange(codec.Feedback.Where(feedback => Feedback.Contains(feedback) && (transportCc || feedback != "transport-cc")));
        return copy;
    }
}
