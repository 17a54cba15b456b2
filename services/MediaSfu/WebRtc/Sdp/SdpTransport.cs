namespace WebRtcChat.WebRtc.Sdp;

/// <summary>The ICE and DTLS attributes, which may stand at session level or in a media section (RFC 8839, RFC 8842).</summary>
public sealed class SdpTransport
{
    public string? IceUfrag { get; set; }

    public string? IcePwd { get; set; }

    public string? IceOptions { get; set; }

    public SdpFingerprint? Fingerprint { get; set; }

    /// <summary>a=setup: actpass, active or passive.</summary>
    public string? Setup { get; set; }

    /// <summary>Takes the attribute if it is one of these; false for any other.</summary>
    internal bool TryRead(string name, string? value, int number)
    {
        switch (name)
        {
            case "ice-ufrag": IceUfrag = SdpAttributeText.Required(value, number, name); return true;
            case "ice-pwd": IcePwd = SdpAttributeText.Required(value, number, name); return true;
            case "ice-options": IceOptions = value; return true;
            case "fingerprint": Fingerprint = SdpAttributeText.Fingerprint(value, number); return true;
            case "setup": Setup = SdpAttributeText.Required(value, number, name); return true;
            default: return false;
        }
    }
}
