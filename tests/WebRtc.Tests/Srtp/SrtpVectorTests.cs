using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

/// <summary>Known-answer tests: RFC 7714 §16/§17 for AES-GCM, libsrtp's reference packets for AES-CM + HMAC-SHA1.</summary>
public sealed class SrtpVectorTests
{
    private static readonly byte[] GcmKey = Hex.Bytes("000102030405060708090a0b0c0d0e0f");
    private static readonly byte[] GcmSalt = Hex.Bytes("517569642070726f2071756f");

    private static readonly byte[] GcmRtpPlain = Hex.Bytes(
        "8040f17b 8041f8d3 5501a0b2 47616c6c 69612065 7374206f 6d6e6973 20646976 69736120 696e2070 61727465 73207472 6573");

    private static readonly byte[] GcmRtpProtected = Hex.Bytes(
        "8040f17b 8041f8d3 5501a0b2 f24de3a3 fb34de6c acba861c 9d7e4bca be633bd5 0d294e6f 42a5f47a 51c7d19b 36de3adf 8833"
        + "899d7f27 beb16a91 52cf765e e4390cce");

    private static readonly byte[] GcmRtcpPlain = Hex.Bytes(
        "81c8000d 4d617273 4e545031 4e545032 52545020 0000042a 0000e930 4c756e61 deadbeef deadbeef deadbeef deadbeef deadbeef");

    private static readonly byte[] GcmRtcpProtected = Hex.Bytes(
        "81c8000d 4d617273 63e94885 dcdab67c a727d766 2f6b7e99 7ff5c0f7 6c06f32d c676a5f1 730d6fda 4ce09b46 86303ded 0bb9275b"
        + "c84aa458 96cf4d2f c5abf872 45d9eade 800005d4");

    private static readonly byte[] CmMasterKey = Hex.Bytes("e1f97a0d3e018be0d64fa32c06de4139");
    private static readonly byte[] CmMasterSalt = Hex.Bytes("0ec675ad498afeebb6960b3aabe6");
    private static readonly byte[] CmRtpPlain = Hex.Bytes("800f1234 decafbad cafebabe abababab abababab abababab abababab");
    private static readonly byte[] CmRtpProtected = Hex.Bytes(
        "800f1234 decafbad cafebabe 4e55dc4c e79978d8 8ca4d215 949d2402 b78d6acc 99ea179b 8dbb");

    private static readonly byte[] CmRtcpPlain = Hex.Bytes("81c8000b cafebabe abababab abababab abababab abababab");
    private static readonly byte[] CmRtcpProtectedIndex1 = Hex.Bytes(
        "81c8000b cafebabe 7128035b e487b9bd bef89041 f977a5a8 80000001 993e08cd 54d6c123 0798");

    [Fact]
    public void Rfc7714_16_rtp_encrypts_to_the_published_packet()
    {
        using var transform = AesGcmTransform.FromSessionKey(GcmKey, GcmSalt);
        var buffer = new byte[GcmRtpProtected.Length];
        GcmRtpPlain.CopyTo(buffer, 0);

        transform.ProtectRtp(buffer, 12, 0x5501a0b2, 0xf17b);

        Assert.Equal(GcmRtpProtected, buffer);
    }

    [Fact]
    public void Rfc7714_16_rtp_decrypts_to_the_published_plaintext()
    {
        using var transform = AesGcmTransform.FromSessionKey(GcmKey, GcmSalt);
        var buffer = (byte[])GcmRtpProtected.Clone();

        Assert.True(transform.UnprotectRtp(buffer, 12, 0x5501a0b2, 0xf17b));
        Assert.Equal(GcmRtpPlain, buffer[..GcmRtpPlain.Length]);
    }

    [Fact]
    public void Rfc7714_17_rtcp_encrypts_to_the_published_packet()
    {
        using var transform = AesGcmTransform.FromSessionKey(GcmKey, GcmSalt);
        var buffer = new byte[GcmRtcpProtected.Length];
        GcmRtcpPlain.CopyTo(buffer, 0);

        transform.ProtectRtcp(buffer, GcmRtcpPlain.Length, 0x4d617273, 0x5d4);

        Assert.Equal(GcmRtcpProtected, buffer);
    }

    [Fact]
    public void Rfc7714_17_rtcp_decrypts_to_the_published_plaintext()
    {
        using var transform = AesGcmTransform.FromSessionKey(GcmKey, GcmSalt);
        var buffer = (byte[])GcmRtcpProtected.Clone();

        var indexWord = transform.ReadSrtcpIndexWord(buffer);
        var length = transform.UnprotectRtcp(buffer, 0x4d617273, indexWord);

        Assert.Equal(0x800005d4u, indexWord);
        Assert.Equal(GcmRtcpPlain, buffer[..length]);
    }

    [Fact]
    public void Aes_cm_hmac_sha1_80_rtp_matches_the_libsrtp_reference_packet_both_ways()
    {
        using var sender = new SrtpContext(SrtpTransform.Create(SrtpProfile.Aes128CmHmacSha1_80, CmMasterKey, CmMasterSalt));
        using var receiver = new SrtpContext(SrtpTransform.Create(SrtpProfile.Aes128CmHmacSha1_80, CmMasterKey, CmMasterSalt));
        var buffer = new byte[CmRtpProtected.Length];
        CmRtpPlain.CopyTo(buffer, 0);

        var protectedResult = sender.ProtectRtp(buffer, CmRtpPlain.Length);
        Assert.Equal(CmRtpProtected, buffer[..protectedResult.Length]);

        var plainResult = receiver.UnprotectRtp(buffer);
        Assert.Equal(CmRtpPlain, buffer[..plainResult.Length]);
    }

    [Fact]
    public void Aes_cm_hmac_sha1_80_rtcp_matches_the_libsrtp_reference_packet_both_ways()
    {
        using var sender = new SrtpContext(SrtpTransform.Create(SrtpProfile.Aes128CmHmacSha1_80, CmMasterKey, CmMasterSalt));
        using var receiver = new SrtpContext(SrtpTransform.Create(SrtpProfile.Aes128CmHmacSha1_80, CmMasterKey, CmMasterSalt));
        var buffer = new byte[CmRtcpProtectedIndex1.Length];
        CmRtcpPlain.CopyTo(buffer, 0);
        sender.ProtectRtcp(buffer, CmRtcpPlain.Length); // index 0
        CmRtcpPlain.CopyTo(buffer, 0);

        var protectedResult = sender.ProtectRtcp(buffer, CmRtcpPlain.Length); // index 1, as the reference
        Assert.Equal(CmRtcpProtectedIndex1, buffer[..protectedResult.Length]);

        var plainResult = receiver.UnprotectRtcp(buffer);
        Assert.Equal(CmRtcpPlain, buffer[..plainResult.Length]);
    }
}
