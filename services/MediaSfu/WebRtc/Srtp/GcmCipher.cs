using System.Security.Cryptography;

namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// AES-128-GCM with 12-byte nonces and 16-byte tags, the AEAD under SRTP's AEAD_AES_128_GCM. On x86 with AES-NI and
/// carry-less multiply it is computed in managed code (<see cref="IntrinsicsAesGcm"/>): .NET's <see cref="AesGcm"/> goes
/// through OpenSSL's EVP layer, whose per-call set-up and error-queue clearing cost more than the cipher itself on a
/// 1,200-byte packet, and a forged packet costs an exception. Elsewhere it is <see cref="AesGcm"/>. Not thread-safe.
/// </summary>
public abstract class GcmCipher : IDisposable
{
    public const int KeyLength = 16;
    public const int NonceLength = 12;
    public const int TagLength = 16;

    public static GcmCipher Create(ReadOnlySpan<byte> key) =>
        IntrinsicsAesGcm.IsSupported ? new IntrinsicsAesGcm(key) : new PlatformAesGcm(key);

    /// <summary>Encrypts <paramref name="plaintext"/> into <paramref name="ciphertext"/> (the same span works) and writes the tag.</summary>
    public abstract void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData);

    /// <summary>
    /// Checks <paramref name="tag"/> and decrypts <paramref name="ciphertext"/> into <paramref name="plaintext"/> (the same
    /// span works); false, with <paramref name="plaintext"/> zeroed, when the packet was forged or corrupted.
    /// </summary>
    public abstract bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
    }

    private protected static void CheckLengths(ReadOnlySpan<byte> nonce, int inputLength, int outputLength, int tagLength)
    {
        if (nonce.Length != NonceLength || outputLength != inputLength || tagLength != TagLength)
        {
            throw new ArgumentException($"AES-128-GCM takes a {NonceLength}-byte nonce, a {TagLength}-byte tag and an output as long as its input.");
        }
    }
}
