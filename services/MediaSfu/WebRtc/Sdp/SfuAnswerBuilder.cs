using System.Globalization;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>
/// The SFU's answer to a browser's offer (JSEP RFC 8829, BUNDLE RFC 9143): ICE-lite, DTLS passive, one bundled transport,
/// rtcp-mux, the codecs and header extensions we forward, directions and simulcast rids mirrored. A section we cannot
/// serve is rejected with port 0, never an exception.
/// </summary>
public static class SfuAnswerBuilder
{
    private const string RtpProtocol = "UDP/TLS/RTP/SAVPF";

    public static SessionDescription Build(SessionDescription offer, SdpEndpoint server)
    {
        var answer = SdpEndpoint.NewSession();
        answer.IceLite = true;
        answer.MsidSemantic = " WMS *";
        answer.ExtmapAllowMixed = offer.ExtmapAllowMixed;
        var offeredBundle = offer.Bundle?.Mids ?? [];
        foreach (var offered in offer.Media)
        {
            var inBundle = offer.Bundle is null || offeredBundle.Contains(offered.Mid);
            answer.Media.Add((inBundle ? Accept(offered, server) : null) ?? Reject(offered));
        }

        var accepted = answer.Media.Where(media => !media.IsRejected).Select(media => media.Mid!).ToList();
        if (offer.Bundle is not null && accepted.Count > 0)
        {
            answer.Groups.Add(new SdpGroup("BUNDLE", accepted));
        }

        return answer;
    }

    private static MediaDescription? Accept(MediaDescription offered, SdpEndpoint server)
    {
        if (offered.IsRejected || offered.Mid is null || !offered.RtcpMux || !offered.Protocol.Equals(RtpProtocol, StringComparison.Ordinal))
        {
            return null;
        }

        var extmaps = offered.Extmaps.Where(SfuMediaPolicy.KeepsExtension).ToList();
        var codecs = SfuMediaPolicy.SelectCodecs(offered, extmaps.Any(extmap => extmap.Uri == SfuMediaPolicy.TransportCc));
        if (codecs.Count == 0)
        {
            return null;
        }

        var answer = server.NewMedia(offered.Kind, offered.Protocol, offered.Mid, "passive");
        answer.Formats.AddRange(codecs.Select(codec => codec.PayloadType.ToString(CultureInfo.InvariantCulture)));
        answer.Codecs.AddRange(codecs);
        answer.Extmaps.AddRange(extmaps.Select(extmap => extmap with { Direction = extmap.Direction?.Reverse() }));
        answer.Direction = (offered.Direction ?? MediaDirection.SendRecv).Reverse();
        answer.RtcpRsize = offered.RtcpRsize;
        MirrorSimulcast(offered, answer);
        return answer;
    }

    /// <summary>The layers the browser sends (a=rid ... send, a=simulcast:send) are ones we receive.</summary>
    private static void MirrorSimulcast(MediaDescription offered, MediaDescription answer)
    {
        var sent = offered.Rids.Where(rid => rid.Direction == RidDirection.Send).ToList();
        if (sent.Count == 0 || offered.Simulcast is null || !offered.Simulcast.StartsWith("send ", StringComparison.Ordinal))
        {
            return;
        }

        answer.Rids.AddRange(sent.Select(rid => rid with { Direction = RidDirection.Recv }));
        var layers = offered.Simulcast["send ".Length..].Split(' ')[0];
        answer.Simulcast = "recv " + layers;
    }

    /// <summary>A rejected section keeps its kind, protocol, formats and mid (JSEP §5.3.1), with port 0.</summary>
    internal static MediaDescription Reject(MediaDescription offered)
    {
        var rejected = new MediaDescription { Kind = offered.Kind, Port = 0, Protocol = offered.Protocol, Mid = offered.Mid, Connection = "IN IP4 0.0.0.0" };
        rejected.Formats.AddRange(offered.Formats);
        rejected.Direction = MediaDirection.Inactive;
        return rejected;
    }
}
