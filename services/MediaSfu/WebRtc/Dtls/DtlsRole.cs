namespace WebRtcChat.WebRtc.Dtls;

/// <summary>Which side of the DTLS handshake we take: SDP's a=setup:passive is the server, active the client.</summary>
public enum DtlsRole
{
    Client,
    Server,
}
