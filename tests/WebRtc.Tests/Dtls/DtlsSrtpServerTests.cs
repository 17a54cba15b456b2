using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using WebRtcChat.WebRtc.Dtls;

namespace WebRtcChat.WebRtc.Tests.Dtls;

public sealed class DtlsSrtpServerTests
{
    [Fact]
    public void A_client_without_renegotiation_info_is_accepted_where_bouncycastle_would_refuse_it()
    {
        using var pair = new LoopbackPair();
        var transport = new ChannelDatagramTransport(pair.B, DtlsOptions.Default);
        var setup = new DtlsPeerSetup(Peers.BobCertificate, Peers.AliceCertificate.Fingerprint, DtlsOptions.Default, transport);

        new DtlsSrtpServer(setup).NotifySecureRenegotiation(false);

        Assert.Throws<TlsFatalAlert>(() => new UnconfiguredServer(setup.Crypto).NotifySecureRenegotiation(false));
        transport.End();
    }

    private sealed class UnconfiguredServer(TlsCrypto crypto) : DefaultTlsServer(crypto);
}
