namespace WebRtcChat.WebRtc.Sdp;

/// <summary>Session-level a= lines.</summary>
internal static class SdpSessionAttributes
{
    public static void Read(SessionDescription session, string attribute, int number)
    {
        var (name, value) = SdpAttributeText.Split(attribute);
        switch (name)
        {
            case "group":
                var parts = SdpAttributeText.Required(value, number, name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                session.Groups.Add(new SdpGroup(parts[0], parts[1..]));
                break;
            case "ice-lite":
                session.IceLite = true;
                break;
            case "ice-ufrag":
                session.IceUfrag = SdpAttributeText.Required(value, number, name);
                break;
            case "ice-pwd":
                session.IcePwd = SdpAttributeText.Required(value, number, name);
                break;
            case "ice-options":
                session.IceOptions = value;
                break;
            case "fingerprint":
                session.Fingerprint = SdpAttributeText.Fingerprint(value, number);
                break;
            case "setup":
                session.Setup = value;
                break;
            case "msid-semantic":
                session.MsidSemantic = value;
                break;
            case "extmap-allow-mixed":
                session.ExtmapAllowMixed = true;
                break;
            default:
                var direction = value is null ? MediaDirections.Parse(name) : null;
                if (direction is not null)
                {
                    session.Direction = direction;
                }
                else
                {
                    session.OtherAttributes.Add(new SdpAttribute(name, value));
                }

                break;
        }
    }
}
