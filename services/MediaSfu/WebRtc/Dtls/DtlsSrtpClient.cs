using Org.BouncyCastle.Tls;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>BouncyCastle's client peer configured for WebRTC: offers use_srtp, authenticates with our certificate.</summary>
internal sealed class DtlsSrtpClient(DtlsPeerSetup setup) : DefaultTlsClient(setup.Crypto)
{
    private SrtpProfile? selected;

    public override bool IgnoreCorruptDtlsRecords => true;

    public override int GetHandshakeTimeoutMillis() => setup.HandshakeTimeoutMillis;

    // As on the server: renegotiation never happens in DTLS-SRTP, so a server without renegotiation_info is fine.
    public override void NotifySecureRenegotiation(bool secureRenegotiation)
    {
    }

    public override IDictionary<int, byte[]> GetClientExtensions()
    {
        var extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetClientExtensions());
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, SrtpProfileNegotiation.Offer(setup.Options.SrtpProfiles));
        extensions.Remove(ExtensionType.encrypt_then_mac); // as on the server: see CiphertextShape
        return extensions;
    }

    public override void NotifySelectedCipherSuite(int selectedCipherSuite)
    {
        base.NotifySelectedCipherSuite(selectedCipherSuite);
        setup.CipherSuiteChosen(selectedCipherSuite);
    }

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        base.ProcessServerExtensions(serverExtensions);
        selected = setup.RequireProfile(
            SrtpProfileNegotiation.Accept(setup.Options.SrtpProfiles, TlsSrtpUtilities.GetUseSrtpExtension(serverExtensions)),
            "The server did not answer use_srtp with one of the profiles we offered.");
    }

    public override TlsAuthentication GetAuthentication() => new Authentication(setup, m_context);

    public override void NotifyHandshakeComplete() => setup.Complete(m_context, selected);

    protected override ProtocolVersion[] GetSupportedVersions() => DtlsPeerSetup.Versions;

    protected override int[] GetSupportedCipherSuites() => DtlsPeerSetup.CipherSuites;

    private sealed class Authentication(DtlsPeerSetup setup, TlsContext context) : TlsAuthentication
    {
        public void NotifyServerCertificate(TlsServerCertificate serverCertificate) =>
            setup.VerifyRemote(serverCertificate.Certificate);

        public TlsCredentials GetClientCredentials(CertificateRequest certificateRequest) =>
            setup.Local.ToSigner(context, setup.Crypto);
    }
}
