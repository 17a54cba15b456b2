using WebRtcChat.WebRtc.Ice;
using static WebRtcChat.WebRtc.Sdp.SdpAttributeText;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>Media-level a= lines: transport, codecs, header extensions, sources, simulcast and candidates.</summary>
internal static class SdpMediaAttributes
{
    public static void Read(MediaDescription media, string attribute, int number)
    {
        var (name, value) = Split(attribute);
        if (media.Transport.TryRead(name, value, number))
        {
            return;
        }

        switch (name)
        {
            case "mid": media.Mid = Required(value, number, name); break;
            case "rtcp": media.Rtcp = Required(value, number, name); break;
            case "rtcp-mux": media.RtcpMux = true; break;
            case "rtcp-rsize": media.RtcpRsize = true; break;
            case "extmap-allow-mixed": media.ExtmapAllowMixed = true; break;
            case "msid": media.Msid = Required(value, number, name); break;
            case "simulcast": media.Simulcast = Required(value, number, name); break;
            case "end-of-candidates": media.EndOfCandidates = true; break;
            case "candidate": media.Candidates.Add(Candidate(value, number)); break;
            case "rtpmap": RtpMap(media, value, number); break;
            case "fmtp" or "rtcp-fb": CodecParameter(media, name, value, number); break;
            case "extmap": media.Extmaps.Add(Extmap(value, number)); break;
            case "ssrc": media.Ssrcs.Add(SsrcAttribute(value, number)); break;
            case "ssrc-group": media.SsrcGroups.Add(SsrcGroup(value, number)); break;
            case "rid": media.Rids.Add(Rid(value, number)); break;
            default:
                media.Direction = DirectionOrOther(name, value, media.OtherAttributes) ?? media.Direction;
                break;
        }
    }

    private static IceCandidate Candidate(string? value, int number) =>
        IceCandidate.TryParse(value ?? "", out var candidate) ? candidate! : throw new SdpFormatException(number, "has a malformed a=candidate");

    /// <summary>a=rtpmap:&lt;pt&gt; &lt;name&gt;/&lt;clock rate&gt;[/&lt;channels&gt;]</summary>
    private static void RtpMap(MediaDescription media, string? value, int number)
    {
        var (payloadType, encoding) = Pair(value, number, "rtpmap");
        var parts = encoding.Split('/');
        if (parts.Length is < 2 or > 3 || parts[0].Length == 0)
        {
            throw new SdpFormatException(number, "has a malformed a=rtpmap");
        }

        var codec = CodecOf(media, Number(payloadType, number, "rtpmap", 127));
        codec.Name = parts[0];
        codec.ClockRate = Number(parts[1], number, "rtpmap");
        codec.Channels = parts.Length == 3 ? Number(parts[2], number, "rtpmap") : null;
    }

    private static void CodecParameter(MediaDescription media, string name, string? value, int number)
    {
        var (payloadType, rest) = Pair(value, number, name);
        if (payloadType == "*")
        {
            // A wildcard rtcp-fb applies to every payload type; kept as it came.
            media.OtherAttributes.Add(new SdpAttribute(name, value));
            return;
        }

        var codec = CodecOf(media, Number(payloadType, number, name, 127));
        if (name == "fmtp")
        {
            codec.Parameters = rest;
        }
        else
        {
            codec.Feedback.Add(rest);
        }
    }

    private static RtpCodec CodecOf(MediaDescription media, int payloadType)
    {
        var codec = media.Codec(payloadType);
        if (codec is null)
        {
            codec = new RtpCodec { PayloadType = payloadType };
            media.Codecs.Add(codec);
        }

        return codec;
    }

    /// <summary>a=extmap:&lt;id&gt;[/&lt;direction&gt;] &lt;uri&gt; [&lt;attributes&gt;]</summary>
    private static SdpExtmap Extmap(string? value, int number)
    {
        var (idAndDirection, rest) = Pair(value, number, "extmap");
        var slash = idAndDirection.IndexOf('/', StringComparison.Ordinal);
        var id = Number(slash < 0 ? idAndDirection : idAndDirection[..slash], number, "extmap", 255);
        var direction = slash < 0 ? (MediaDirection?)null : MediaDirections.Parse(idAndDirection[(slash + 1)..]) ?? throw new SdpFormatException(number, "has a malformed a=extmap direction");
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? new SdpExtmap(id, direction, rest) : new SdpExtmap(id, direction, rest[..space], rest[(space + 1)..]);
    }

    /// <summary>a=ssrc:&lt;ssrc&gt; &lt;attribute&gt;[:&lt;value&gt;]</summary>
    private static SdpSsrcAttribute SsrcAttribute(string? value, int number)
    {
        var (ssrc, rest) = Pair(value, number, "ssrc");
        var (attribute, attributeValue) = Split(rest);
        return new SdpSsrcAttribute(Ssrc(ssrc, number, "ssrc"), attribute, attributeValue);
    }

    private static SdpSsrcGroup SsrcGroup(string? value, int number)
    {
        var (semantics, rest) = Pair(value, number, "ssrc-group");
        return new SdpSsrcGroup(semantics, [.. rest.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ssrc => Ssrc(ssrc, number, "ssrc-group"))]);
    }

    /// <summary>a=rid:&lt;id&gt; send|recv [&lt;restrictions&gt;]</summary>
    private static SdpRid Rid(string? value, int number)
    {
        var (id, rest) = Pair(value, number, "rid");
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        var direction = (space < 0 ? rest : rest[..space]) switch
        {
            "send" => RidDirection.Send,
            "recv" => RidDirection.Recv,
            _ => throw new SdpFormatException(number, "has an a=rid whose direction is neither send nor recv"),
        };
        return new SdpRid(id, direction, space < 0 ? null : rest[(space + 1)..]);
    }
}
