namespace WebRtcChat.WebRtc.Srtp;

/// <summary>The DTLS-SRTP protection profiles we negotiate (RFC 5764 §4.1.2, RFC 7714 §14.2), by their IANA code.</summary>
public enum SrtpProfile : ushort
{
    Aes128CmHmacSha1_80 = 0x0001,
    AeadAes128Gcm = 0x0007,
}
