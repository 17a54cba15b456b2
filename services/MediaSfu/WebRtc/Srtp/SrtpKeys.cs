namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// The SRTP master keys and salts a DTLS-SRTP handshake exported (RFC 5764 §4.2): the client's protect what the DTLS
/// client sends, the server's what the DTLS server sends.
/// </summary>
public sealed record SrtpKeys(SrtpProfile Profile, byte[] ClientKey, byte[] ClientSalt, byte[] ServerKey, byte[] ServerSalt);
