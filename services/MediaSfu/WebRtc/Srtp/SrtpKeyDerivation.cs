namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// The AES-CM key derivation function of RFC 3711 §4.3 with a key derivation rate of 0 (all DTLS-SRTP uses): each
/// session key is the AES counter-mode keystream under the master key, starting at (master salt XOR label) * 2^16.
/// A 12-byte AEAD master salt is zero-padded on the right to the 14 bytes the PRF takes (RFC 7714 §11).
/// </summary>
public static class SrtpKeyDerivation
{
    public const byte RtpEncryption = 0x00;
    public const byte RtpAuthentication = 0x01;
    public const byte RtpSalt = 0x02;
    public const byte RtcpEncryption = 0x03;
    public const byte RtcpAuthentication = 0x04;
    public const byte RtcpSalt = 0x05;

    private const int PrfSaltLength = 14;
    private const int LabelPosition = 7;

    public static byte[] Derive(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte label, int length)
    {
        if (masterSalt.Length > PrfSaltLength)
        {
            throw new ArgumentException($"A master salt has at most {PrfSaltLength} bytes.", nameof(masterSalt));
        }

        Span<byte> iv = stackalloc byte[AesCounterMode.BlockLength];
        iv.Clear();
        masterSalt.CopyTo(iv);
        iv[LabelPosition] ^= label;

        var output = new byte[length];
        using var counterMode = new AesCounterMode(masterKey);
        counterMode.Apply(iv, output);
        return output;
    }
}
