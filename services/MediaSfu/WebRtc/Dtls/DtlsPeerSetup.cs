using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// What our DTLS client and server peers share: the policy (DTLS 1.2, ECDHE-ECDSA suites, SRTP profiles, timeout), the
/// check of the remote certificate against the SDP fingerprint, and what the handshake produced or why it failed.
/// </summary>
internal sealed class DtlsPeerSetup(
    DtlsCertificate local, CertificateFingerprint expectedRemote, DtlsOptions options, ChannelDatagramTransport transport)
{
    /// <summary>
    /// What Chrome and Firefox offer for an ECDSA certificate and BouncyCastle implements, strongest first.
    /// </summary>
    public static readonly int[] CipherSuites =
    [
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
        CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    ];

    public static readonly ProtocolVersion[] Versions = ProtocolVersion.DTLSv12.Only();

    public BcTlsCrypto Crypto { get; } = new(new SecureRandom());

    public DtlsCertificate Local => local;

    public DtlsOptions Options => options;

    public int HandshakeTimeoutMillis => (int)options.HandshakeTimeout.TotalMilliseconds;

    public SrtpKeys? Keys { get; private set; }

    public CertificateFingerprint? RemoteFingerprint { get; private set; }

    /// <summary>Set when our side failed the handshake on purpose; the alert it raised says less.</summary>
    public (DtlsFailure Failure, string Detail)? LocalFailure { get; private set; }

    /// <summary>Accepts the peer's certificate only if it has the fingerprint its SDP announced.</summary>
    public void VerifyRemote(Certificate? chain)
    {
        if (chain is null || chain.IsEmpty)
        {
            throw Fail(DtlsFailure.FingerprintMismatch, "The peer sent no certificate.", AlertDescription.handshake_failure);
        }

        var der = chain.GetCertificateAt(0).GetEncoded();
        if (!expectedRemote.Matches(der))
        {
            throw Fail(DtlsFailure.FingerprintMismatch,
                "The peer's certificate does not have the fingerprint from its SDP.", AlertDescription.bad_certificate);
        }

        RemoteFingerprint = CertificateFingerprint.Of(der, expectedRemote.Algorithm);
    }

    public void CipherSuiteChosen(int cipherSuite) => transport.ExpectCiphertextOf(cipherSuite);

    public SrtpProfile RequireProfile(SrtpProfile? negotiated, string detail) =>
        negotiated ?? throw Fail(DtlsFailure.NoCommonSrtpProfile, detail, AlertDescription.handshake_failure);

    public void Complete(TlsContext context, SrtpProfile? profile) =>
        Keys = DtlsSrtpKeyExport.Export(context, RequireProfile(profile, "The handshake ended without an SRTP profile."));

    /// <summary>Records why we abort and returns the alert for BouncyCastle to send.</summary>
    public TlsFatalAlert Fail(DtlsFailure failure, string detail, short alert)
    {
        LocalFailure ??= (failure, detail);
        return new TlsFatalAlert(alert, detail);
    }
}
