using System.Security.Cryptography;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

/// <summary>
/// The managed AES-128-GCM against the GCM specification's test case 4 and against .NET's (OpenSSL's) AES-GCM on
/// random keys, nonces, associated data and texts of every length class: whole four-block groups, single blocks and a
/// partial last block.
/// </summary>
public sealed class GcmCipherTests
{
    [Fact]
    public void Gcm_specification_test_case_4_encrypts_to_the_published_ciphertext_and_tag()
    {
        Assert.True(IntrinsicsAesGcm.IsSupported, "this machine's CPU has AES-NI and PCLMULQDQ, so the managed cipher must be the one tested");
        using var cipher = new IntrinsicsAesGcm(Hex.Bytes("feffe9928665731c6d6a8f9467308308"));
        var plaintext = Hex.Bytes(
            "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[GcmCipher.TagLength];

        cipher.Encrypt(Hex.Bytes("cafebabefacedbaddecaf888"), plaintext, ciphertext, tag, Hex.Bytes("feedfacedeadbeeffeedfacedeadbeefabaddad2"));

        Assert.Equal(
            "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091",
            Convert.ToHexStringLower(ciphertext));
        Assert.Equal("5bc94fbc3221a5db94fae95ae7121a47", Convert.ToHexStringLower(tag));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(12, 1)]
    [InlineData(12, 16)]
    [InlineData(20, 63)]
    [InlineData(8, 64)]
    [InlineData(12, 65)]
    [InlineData(16, 160)]
    [InlineData(13, 1172)]
    [InlineData(40, 1200)]
    [InlineData(3, 1500)]
    public void Encrypts_as_the_platform_does_and_decrypts_the_platforms_output(int associatedLength, int textLength)
    {
        for (var trial = 0; trial < 20; trial++)
        {
            var key = RandomNumberGenerator.GetBytes(GcmCipher.KeyLength);
            var nonce = RandomNumberGenerator.GetBytes(GcmCipher.NonceLength);
            var associated = RandomNumberGenerator.GetBytes(associatedLength);
            var plaintext = RandomNumberGenerator.GetBytes(textLength);
            using var managed = new IntrinsicsAesGcm(key);
            using var platform = new AesGcm(key, GcmCipher.TagLength);

            var expected = new byte[textLength];
            var expectedTag = new byte[GcmCipher.TagLength];
            platform.Encrypt(nonce, plaintext, expected, expectedTag, associated);
            var inPlace = plaintext.ToArray();
            var tag = new byte[GcmCipher.TagLength];
            managed.Encrypt(nonce, inPlace, inPlace, tag, associated);

            Assert.Equal(Convert.ToHexString(expected), Convert.ToHexString(inPlace));
            Assert.Equal(Convert.ToHexString(expectedTag), Convert.ToHexString(tag));
            Assert.True(managed.TryDecrypt(nonce, inPlace, tag, inPlace, associated));
            Assert.Equal(plaintext, inPlace);
        }
    }

    [Theory]
    [InlineData("ciphertext")]
    [InlineData("tag")]
    [InlineData("associated data")]
    [InlineData("nonce")]
    public void A_packet_altered_anywhere_is_refused_and_nothing_of_it_is_released(string altered)
    {
        var key = RandomNumberGenerator.GetBytes(GcmCipher.KeyLength);
        var nonce = RandomNumberGenerator.GetBytes(GcmCipher.NonceLength);
        var associated = RandomNumberGenerator.GetBytes(12);
        var plaintext = RandomNumberGenerator.GetBytes(300);
        using var cipher = GcmCipher.Create(key);
        var packet = new byte[plaintext.Length];
        var tag = new byte[GcmCipher.TagLength];
        cipher.Encrypt(nonce, plaintext, packet, tag, associated);

        var flipped = altered switch
        {
            "ciphertext" => packet,
            "tag" => tag,
            "associated data" => associated,
            _ => nonce,
        };
        flipped[RandomNumberGenerator.GetInt32(flipped.Length)] ^= 0x01;

        Assert.False(cipher.TryDecrypt(nonce, packet, tag, packet, associated));
        Assert.All(packet, b => Assert.Equal(0, b));
    }
}
