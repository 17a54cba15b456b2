namespace WebRtcChat.WebRtc.Sdp;

/// <summary>o=: username, session id and version, network and address type, address (RFC 8866 §5.2).</summary>
public sealed record SdpOrigin(string Username, string SessionId, string SessionVersion, string NetworkType, string AddressType, string Address)
{
    public override string ToString() => $"{Username} {SessionId} {SessionVersion} {NetworkType} {AddressType} {Address}";
}

/// <summary>A parsed SDP (RFC 8866) with the session-level attributes WebRTC uses and its media sections.</summary>
public sealed class SessionDescription
{
    public required SdpOrigin Origin { get; set; }

    public string SessionName { get; set; } = "-";

    public string Timing { get; set; } = "0 0";

    public string? Connection { get; set; }

    public List<SdpGroup> Groups { get; } = [];

    public bool IceLite { get; set; }

    public SdpTransport Transport { get; } = new();

    /// <summary>The raw text after "msid-semantic:" (Chrome writes a space first; kept as is).</summary>
    public string? MsidSemantic { get; set; }

    public bool ExtmapAllowMixed { get; set; }

    public MediaDirection? Direction { get; set; }

    public List<SdpAttribute> OtherAttributes { get; } = [];

    public List<MediaDescription> Media { get; } = [];

    public SdpGroup? Bundle => Groups.FirstOrDefault(group => group.Semantics == "BUNDLE");
}
