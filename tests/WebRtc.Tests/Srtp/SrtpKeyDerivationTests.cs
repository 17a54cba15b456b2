using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Srtp;

public sealed class SrtpKeyDerivationTests
{
    private static readonly byte[] MasterKey = Hex.Bytes("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static readonly byte[] MasterSalt = Hex.Bytes("0EC675AD498AFEEBB6960B3AABE6");

    [Fact]
    public void Rfc3711_B2_counter_mode_keystream()
    {
        using var aes = new AesCounterMode(Hex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C"));
        var keystream = new byte[48];

        aes.Apply(Hex.Bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000"), keystream);

        Assert.Equal(
            Hex.Bytes("E03EAD0935C95E80E166B16DD92B4EB4 D23513162B02D0F72A43A2FE4A5F97AB 41E95B3BB0A2E8DD477901E4FCA894C0"),
            keystream);
    }

    [Fact]
    public void Rfc3711_B3_session_encryption_key()
    {
        var key = SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpEncryption, 16);

        Assert.Equal(Hex.Bytes("C61E7A93744F39EE10734AFE3FF7A087"), key);
    }

    [Fact]
    public void Rfc3711_B3_session_salt()
    {
        var salt = SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpSalt, 14);

        Assert.Equal(Hex.Bytes("30CBBC08863D8C85D49DB34A9AE1"), salt);
    }

    [Fact]
    public void Rfc3711_B3_session_authentication_key()
    {
        var key = SrtpKeyDerivation.Derive(MasterKey, MasterSalt, SrtpKeyDerivation.RtpAuthentication, 20);

        Assert.Equal(Hex.Bytes("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"), key);
    }

    [Fact]
    public void A_12_byte_aead_master_salt_is_zero_padded_on_the_right()
    {
        // The session salt libsrtp derives for this key and salt (label 2 at byte 7 of salt || 0000).
        var salt = SrtpKeyDerivation.Derive(
            Hex.Bytes("000102030405060708090a0b0c0d0e0f"), Hex.Bytes("404142434445464748494a4b"), SrtpKeyDerivation.RtpSalt, 12);

        Assert.Equal(Hex.Bytes("1fcd5d561e66dc49ec1c3ccb"), salt);
    }

    [Fact]
    public void Keystream_longer_than_one_chunk_continues_the_block_counter()
    {
        using var aes = new AesCounterMode(Hex.Bytes("2B7E151628AED2A6ABF7158809CF4F3C"));
        var iv = Hex.Bytes("F0F1F2F3F4F5F6F7F8F9FAFBFCFD0000");
        var whole = new byte[4000];
        aes.Apply(iv, whole);

        var lastBlockIv = (byte[])iv.Clone();
        lastBlockIv[14] = (byte)(3984 / 16 >> 8);
        lastBlockIv[15] = 3984 / 16 & 0xFF;
        var lastBlock = new byte[16];
        aes.Apply(lastBlockIv, lastBlock);

        Assert.Equal(lastBlock, whole[3984..]);
    }
}
