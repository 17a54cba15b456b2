using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests;

public sealed class SrtpKeysTests
{
    [Fact]
    public void Profiles_carry_their_iana_codes()
    {
        Assert.Equal(0x0001, (ushort)SrtpProfile.Aes128CmHmacSha1_80);
        Assert.Equal(0x0007, (ushort)SrtpProfile.AeadAes128Gcm);
    }
}
