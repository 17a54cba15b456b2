using WebRtcChat.WebRtc.Ice;

namespace WebRtcChat.WebRtc.Sdp;

/// <summary>One m= section with the attributes WebRTC uses; anything else is kept in <see cref="OtherAttributes"/>.</summary>
public sealed class MediaDescription
{
    public required string Kind { get; set; }

    /// <summary>0 marks a rejected (or bundle-only) section.</summary>
    public int Port { get; set; } = 9;

    public required string Protocol { get; set; }

    /// <summary>The m= line's format list: payload types for RTP, e.g. "webrtc-datachannel" for SCTP.</summary>
    public List<string> Formats { get; } = [];

    public string? Connection { get; set; }

    public List<string> Bandwidths { get; } = [];

    public string? Mid { get; set; }

    public MediaDirection? Direction { get; set; }

    public SdpTransport Transport { get; } = new();

    /// <summary>a=rtcp: the raw value (port and optional address).</summary>
    public string? Rtcp { get; set; }

    public bool RtcpMux { get; set; }

    public bool RtcpRsize { get; set; }

    public bool ExtmapAllowMixed { get; set; }

    /// <summary>a=msid: stream id and track id, raw.</summary>
    public string? Msid { get; set; }

    public List<RtpCodec> Codecs { get; } = [];

    public List<SdpExtmap> Extmaps { get; } = [];

    public List<SdpSsrcAttribute> Ssrcs { get; } = [];

    public List<SdpSsrcGroup> SsrcGroups { get; } = [];

    public List<SdpRid> Rids { get; } = [];

    /// <summary>a=simulcast: the raw value, e.g. "send q;h;f" (RFC 8853).</summary>
    public string? Simulcast { get; set; }

    public List<IceCandidate> Candidates { get; } = [];

    public bool EndOfCandidates { get; set; }

    public List<SdpAttribute> OtherAttributes { get; } = [];

    public bool IsRejected => Port == 0;

    /// <summary>The media SSRC the section announces: the first of an FID (media + RTX) group, else the only one; null when none or several.</summary>
    public uint? PrimarySsrc =>
        SsrcGroups.FirstOrDefault(g => g.Semantics == "FID") is { Ssrcs: [var media, ..] } ? media
        : Ssrcs.Select(s => s.Ssrc).Distinct().ToList() is [var only] ? only
        : null;

    public RtpCodec? Codec(int payloadType) => Codecs.FirstOrDefault(codec => codec.PayloadType == payloadType);
}
