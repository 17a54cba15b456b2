using Org.BouncyCastle.Tls;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// The smallest record body, and the block size it comes in, that the negotiated cipher can decrypt. BouncyCastle
/// silently drops a record whose MAC fails, but fails the whole association on one that is too short or misaligned,
/// so such records are dropped before it sees them.
/// </summary>
internal readonly record struct CiphertextShape(int MinLength, int BlockSize)
{
    public bool Fits(int length) => length >= MinLength && length % BlockSize == 0;

    public static CiphertextShape Of(int cipherSuite) => cipherSuite switch
    {
        // Explicit nonce (8) and tag (16).
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 or CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384
            => new(8 + 16, 1),
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256 => new(16, 1),
        // Explicit IV, then at least the HMAC-SHA1 and one padding byte, in whole AES blocks (no encrypt-then-MAC).
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA or CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA
            => new(16 + 20 + 1, 16),
        _ => throw new ArgumentOutOfRangeException(nameof(cipherSuite), cipherSuite, "Not a cipher suite we negotiate."),
    };
}
