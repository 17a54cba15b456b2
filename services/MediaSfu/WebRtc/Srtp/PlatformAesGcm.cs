using System.Security.Cryptography;

namespace WebRtcChat.WebRtc.Srtp;

/// <summary>.NET's <see cref="AesGcm"/> (OpenSSL on Linux), for CPUs without the instructions <see cref="IntrinsicsAesGcm"/> needs.</summary>
public sealed class PlatformAesGcm(ReadOnlySpan<byte> key) : GcmCipher
{
    private readonly AesGcm cipher = new(key, TagLength);

    public override void Encrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, Span<byte> ciphertext, Span<byte> tag, ReadOnlySpan<byte> associatedData) =>
        cipher.Encrypt(nonce, plaintext, ciphertext, tag, associatedData);

    public override bool TryDecrypt(ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertext, ReadOnlySpan<byte> tag, Span<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        try
        {
            cipher.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            // .NET's AesGcm has no non-throwing decrypt; it has zeroed the plaintext.
            return false;
        }
    }

    protected override void Dispose(bool disposing) => cipher.Dispose();
}
