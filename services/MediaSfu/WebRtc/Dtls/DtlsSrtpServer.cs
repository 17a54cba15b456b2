using Org.BouncyCastle.Tls;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>BouncyCastle's server peer configured for WebRTC: client certificate required, use_srtp answered.</summary>
internal sealed class DtlsSrtpServer(DtlsPeerSetup setup) : DefaultTlsServer(setup.Crypto)
{
    private SrtpProfile? selected;

    public override bool IgnoreCorruptDtlsRecords => true;

    public override int GetHandshakeTimeoutMillis() => setup.HandshakeTimeoutMillis;

    // Browsers and other stacks may omit renegotiation_info (RFC 5746); DTLS-SRTP never renegotiates, so it is moot.
    public override void NotifySecureRenegotiation(bool secureRenegotiation)
    {
    }

    public override void ProcessClientExtensions(IDictionary<int, byte[]> clientExtensions)
    {
        base.ProcessClientExtensions(clientExtensions);
        selected = setup.RequireProfile(
            SrtpProfileNegotiation.Select(setup.Options.SrtpProfiles, TlsSrtpUtilities.GetUseSrtpExtension(clientExtensions)),
            "The client offered no SRTP profile we support.");
    }

    public override int GetSelectedCipherSuite()
    {
        var suite = base.GetSelectedCipherSuite();
        setup.CipherSuiteChosen(suite);
        return suite;
    }

    public override IDictionary<int, byte[]> GetServerExtensions()
    {
        var extensions = TlsExtensionsUtilities.EnsureExtensionsInitialised(base.GetServerExtensions());
        TlsSrtpUtilities.AddUseSrtpExtension(extensions, SrtpProfileNegotiation.Answer(selected!.Value));
        return extensions;
    }

    // Chrome aborts unless the request lists ecdsa_sign; rsa_sign keeps older RSA-certificate clients working.
    public override CertificateRequest GetCertificateRequest() => new(
        [ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign],
        TlsUtilities.GetDefaultSupportedSignatureAlgorithms(m_context),
        null);

    public override void NotifyClientCertificate(Certificate clientCertificate) => setup.VerifyRemote(clientCertificate);

    public override void NotifyHandshakeComplete() => setup.Complete(m_context, selected);

    // Only CBC suites would use it, and a fixed record layout keeps the ciphertext check simple (CiphertextShape).
    protected override bool AllowEncryptThenMac() => false;

    protected override ProtocolVersion[] GetSupportedVersions() => DtlsPeerSetup.Versions;

    protected override int[] GetSupportedCipherSuites() => DtlsPeerSetup.CipherSuites;

    protected override TlsCredentialedSigner GetECDsaSignerCredentials() => setup.Local.ToSigner(m_context, setup.Crypto);
}
