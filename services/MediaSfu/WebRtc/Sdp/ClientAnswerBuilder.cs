using System.Globalization;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>
/// Our client side's answer to a server's offer (as a Janus VideoRoom subscriber gets one): every section the offer
/// bundles is accepted receive-only with the Opus or VP8 (+ RTX) formats it offers, on our one transport, and we take
/// the DTLS client role (a=setup:active) since the offerer said actpass. Sections with nothing we play are rejected.
/// </summary>
public static class ClientAnswerBuilder
{
    public static SessionDescription Build(SessionDescription offer, SdpEndpoint client)
    {
        ArgumentNullException.ThrowIfNull(offer);
        ArgumentNullException.ThrowIfNull(client);
        var answer = SdpEndpoint.NewSession();
        answer.MsidSemantic = " WMS *";
        foreach (var offered in offer.Media)
        {
            answer.Media.Add(Accept(offered, client) ?? SfuAnswerBuilder.Reject(offered));
        }

        var accepted = answer.Media.Where(media => !media.IsRejected).Select(media => media.Mid!).ToList();
        if (offer.Bundle is not null && accepted.Count > 0)
        {
            answer.Groups.Add(new SdpGroup("BUNDLE", accepted));
        }

        return answer;
    }

    private static MediaDescription? Accept(MediaDescription offered, SdpEndpoint client)
    {
        var codecs = offered.Codecs.Where(codec => codec.Is("opus") || codec.Is("VP8")).ToList();
        if (offered.IsRejected || offered.Mid is null || codecs.Count == 0)
        {
            return null;
        }

        var payloadTypes = codecs.Select(codec => codec.PayloadType.ToString(CultureInfo.InvariantCulture)).ToHashSet();
        codecs.AddRange(offered.Codecs.Where(codec => codec.Is("rtx") && codec.Parameter("apt") is { } apt && payloadTypes.Contains(apt)));
        var answer = client.NewMedia(offered.Kind, offered.Protocol, offered.Mid, "active");
        answer.Codecs.AddRange(codecs);
        answer.Formats.AddRange(codecs.Select(codec => codec.PayloadType.ToString(CultureInfo.InvariantCulture)));
        answer.Extmaps.AddRange(offered.Extmaps);
        answer.Direction = MediaDirection.RecvOnly;
        answer.RtcpRsize = offered.RtcpRsize;
        return answer;
    }
}
