namespace WebRtcChat.WebRtc.Sdp;

/// <summary>An attribute the model has no field for, kept verbatim (name, and the text after the first colon if any).</summary>
public sealed record SdpAttribute(string Name, string? Value);

/// <summary>a=fingerprint: hash function and colon-separated hex (RFC 8122).</summary>
public sealed record SdpFingerprint(string Algorithm, string Value);

/// <summary>a=group: semantics (BUNDLE) and the mids it groups.</summary>
public sealed record SdpGroup(string Semantics, IReadOnlyList<string> Mids);

/// <summary>a=extmap: RTP header extension id, optional direction, URI and extension attributes (RFC 8285).</summary>
public sealed record SdpExtmap(int Id, MediaDirection? Direction, string Uri, string? Attributes = null);

/// <summary>a=ssrc: one source attribute (RFC 5576), e.g. cname or msid.</summary>
public sealed record SdpSsrcAttribute(uint Ssrc, string Attribute, string? Value);

/// <summary>a=ssrc-group: FID (RTX pairing) or SIM (simulcast layers) and its SSRCs.</summary>
public sealed record SdpSsrcGroup(string Semantics, IReadOnlyList<uint> Ssrcs);

/// <summary>a=rid: a restriction identifier with its direction and optional restrictions (RFC 8851).</summary>
public sealed record SdpRid(string Id, RidDirection Direction, string? Restrictions = null);

public enum RidDirection
{
    Send,
    Recv,
}

/// <summary>One payload type with what rtpmap, fmtp and rtcp-fb say about it.</summary>
public sealed class RtpCodec
{
    public required int PayloadType { get; init; }

    /// <summary>Encoding name from a=rtpmap; null when the offer has an fmtp or rtcp-fb for a payload type without rtpmap.</summary>
    public string? Name { get; set; }

    public int ClockRate { get; set; }

    public int? Channels { get; set; }

    public string? Parameters { get; set; }

    public List<string> Feedback { get; } = [];

    public bool Is(string name) => string.Equals(Name, name, StringComparison.OrdinalIgnoreCase);

    /// <summary>The fmtp parameter's value (e.g. apt, packetization-mode), or null.</summary>
    public string? Parameter(string key)
    {
        foreach (var pair in (Parameters ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0 && pair[..equals].Trim().Equals(key, StringComparison.OrdinalIgnoreCase))
            {
                return pair[(equals + 1)..].Trim();
            }
        }

        return null;
    }
}
