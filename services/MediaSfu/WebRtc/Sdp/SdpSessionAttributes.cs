namespace WebRtcChat.WebRtc.Sdp;

/// <summary>Session-level a= lines.</summary>
internal static class SdpSessionAttributes
{
    public static void Read(SessionDescription session, string attribute, int number)
    {
        var (name, value) = SdpAttributeText.Split(attribute);
        if (session.Transport.TryRead(name, value, number))
        {
            return;
        }

        switch (name)
        {
            case "group":
                var parts = SdpAttributeText.Required(value, number, name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                session.Groups.Add(new SdpGroup(parts[0], parts[1..]));
                break;
            case "ice-lite":
                session.IceLite = true;
                break;
            case "msid-semantic":
                session.MsidSemantic = value;
                break;
            case "extmap-allow-mixed":
                session.ExtmapAllowMixed = true;
                break;
            default:
                session.Direction = SdpAttributeText.DirectionOrOther(name, value, session.OtherAttributes) ?? session.Direction;
                break;
        }
    }
}
