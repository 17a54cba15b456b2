using System.Globalization;
using System.Text;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>Writes a <see cref="SessionDescription"/> as SDP text (CRLF line ends), in the order browsers use.</summary>
public static class SdpWriter
{
    public static string Write(SessionDescription session)
    {
        var text = new SdpText();
        text.Line('v', "0");
        text.Line('o', session.Origin.ToString());
        text.Line('s', session.SessionName);
        text.LineIf('c', session.Connection);
        text.Line('t', session.Timing);
        foreach (var group in session.Groups)
        {
            text.Attribute("group", string.Join(' ', [group.Semantics, .. group.Mids]));
        }

        text.Flag("ice-lite", session.IceLite);
        WriteTransport(text, session.Transport);
        text.Flag("extmap-allow-mixed", session.ExtmapAllowMixed);
        text.AttributeIf("msid-semantic", session.MsidSemantic);
        text.FlagIf(session.Direction?.ToSdp());
        text.Others(session.OtherAttributes);
        foreach (var media in session.Media)
        {
            WriteMedia(text, media);
        }

        return text.ToString();
    }

    private static void WriteMedia(SdpText text, MediaDescription media)
    {
        text.Line('m', string.Join(' ', [media.Kind, media.Port.ToString(CultureInfo.InvariantCulture), media.Protocol, .. media.Formats]));
        text.LineIf('c', media.Connection);
        foreach (var bandwidth in media.Bandwidths)
        {
            text.Line('b', bandwidth);
        }

        text.AttributeIf("rtcp", media.Rtcp);
        foreach (var candidate in media.Candidates)
        {
            text.Attribute("candidate", candidate.ToString());
        }

        text.Flag("end-of-candidates", media.EndOfCandidates);
        WriteTransport(text, media.Transport);
        text.AttributeIf("mid", media.Mid);
        foreach (var extmap in media.Extmaps)
        {
            var id = extmap.Direction is null ? $"{extmap.Id}" : $"{extmap.Id}/{extmap.Direction.Value.ToSdp()}";
            text.Attribute("extmap", extmap.Attributes is null ? $"{id} {extmap.Uri}" : $"{id} {extmap.Uri} {extmap.Attributes}");
        }

        text.Flag("extmap-allow-mixed", media.ExtmapAllowMixed);
        text.FlagIf(media.Direction?.ToSdp());
        text.AttributeIf("msid", media.Msid);
        text.Flag("rtcp-mux", media.RtcpMux);
        text.Flag("rtcp-rsize", media.RtcpRsize);
        WriteCodecs(text, media);
        text.Others(media.OtherAttributes);
        foreach (var rid in media.Rids)
        {
            var direction = rid.Direction == RidDirection.Send ? "send" : "recv";
            text.Attribute("rid", rid.Restrictions is null ? $"{rid.Id} {direction}" : $"{rid.Id} {direction} {rid.Restrictions}");
        }

        text.AttributeIf("simulcast", media.Simulcast);
        foreach (var group in media.SsrcGroups)
        {
            text.Attribute("ssrc-group", string.Join(' ', [group.Semantics, .. group.Ssrcs.Select(ssrc => ssrc.ToString(CultureInfo.InvariantCulture))]));
        }

        foreach (var ssrc in media.Ssrcs)
        {
            text.Attribute("ssrc", ssrc.Value is null ? $"{ssrc.Ssrc} {ssrc.Attribute}" : $"{ssrc.Ssrc} {ssrc.Attribute}:{ssrc.Value}");
        }
    }

    private static void WriteTransport(SdpText text, SdpTransport transport)
    {
        text.AttributeIf("ice-ufrag", transport.IceUfrag);
        text.AttributeIf("ice-pwd", transport.IcePwd);
        text.AttributeIf("ice-options", transport.IceOptions);
        text.AttributeIf("fingerprint", transport.Fingerprint is null ? null : $"{transport.Fingerprint.Algorithm} {transport.Fingerprint.Value}");
        text.AttributeIf("setup", transport.Setup);
    }

    /// <summary>Codecs in the m= line's order (then any the line does not list): rtpmap, rtcp-fb, fmtp.</summary>
    private static void WriteCodecs(SdpText text, MediaDescription media)
    {
        var ordered = media.Formats
            .Select(format => int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) ? media.Codec(pt) : null)
            .OfType<RtpCodec>()
            .Concat(media.Codecs)
            .Distinct();
        foreach (var codec in ordered)
        {
            if (codec.Name is not null)
            {
                var channels = codec.Channels is null ? "" : $"/{codec.Channels}";
                text.Attribute("rtpmap", $"{codec.PayloadType} {codec.Name}/{codec.ClockRate}{channels}");
            }

            foreach (var feedback in codec.Feedback)
            {
                text.Attribute("rtcp-fb", $"{codec.PayloadType} {feedback}");
            }

            text.AttributeIf("fmtp", codec.Parameters is null ? null : $"{codec.PayloadType} {codec.Parameters}");
        }
    }

    private sealed class SdpText
    {
        private readonly StringBuilder builder = new();

        public void Line(char type, string value) => builder.Append(type).Append('=').Append(value).Append("\r\n");

        public void LineIf(char type, string? value)
        {
            if (value is not null)
            {
                Line(type, value);
            }
        }

        public void Attribute(string name, string value) => Line('a', name + ":" + value);

        public void AttributeIf(string name, string? value)
        {
            if (value is not null)
            {
                Attribute(name, value);
            }
        }

        public void Flag(string name, bool present)
        {
            if (present)
            {
                Line('a', name);
            }
        }

        public void FlagIf(string? name) => Flag(name ?? "", name is not null);

        public void Others(IEnumerable<SdpAttribute> attributes)
        {
            foreach (var attribute in attributes)
            {
                Line('a', attribute.Value is null ? attribute.Name : attribute.Name + ":" + attribute.Value);
            }
        }

        public override string ToString() => builder.ToString();
    }
}
