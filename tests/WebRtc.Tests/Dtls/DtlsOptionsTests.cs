using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Tests.Dtls;

public sealed class DtlsOptionsTests
{
    public static TheoryData<DtlsOptions, string> Unusable => new()
    {
        { new DtlsOptions { HandshakeTimeout = TimeSpan.Zero }, "HandshakeTimeout" },
        { new DtlsOptions { ReceiveQueueCapacity = 0 }, "ReceiveQueueCapacity" },
        { new DtlsOptions { MaxDatagramSize = 100 }, "MaxDatagramSize" },
        { new DtlsOptions { MaxConcurrentHandshakes = 0 }, "MaxConcurrentHandshakes" },
        { new DtlsOptions { HandshakeThreadStackSize = 4096 }, "HandshakeThreadStackSize" },
        { new DtlsOptions { SrtpProfiles = [] }, "SrtpProfiles" },
        { new DtlsOptions { SrtpProfiles = [(SrtpProfile)2] }, "SrtpProfiles" },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Settings_no_handshake_could_run_with_are_refused_when_the_endpoint_is_made(DtlsOptions options, string setting)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => new DtlsEndpoint(Peers.AliceCertificate, options));

        Assert.Equal(setting, error.ParamName);
    }
}
