using WebRtcChat.WebRtc.Dtls;

namespace WebRtcChat.WebRtc.Tests.Dtls;

/// <summary>Two endpoints with their own certificates, made once per test run (key generation is the slow part).</summary>
internal static class Peers
{
    public static DtlsCertificate AliceCertificate { get; } = DtlsCertificate.Generate();

    public static DtlsCertificate BobCertificate { get; } = DtlsCertificate.Generate();

    public static DtlsEndpoint Alice(DtlsOptions? options = null) => new(AliceCertificate, options);

    public static DtlsEndpoint Bob(DtlsOptions? options = null) => new(BobCertificate, options);

    /// <summary>Alice on channel A as client, Bob on channel B as server, each expecting the other's fingerprint.</summary>
    public static async Task<(DtlsResult Client, DtlsResult Server)> HandshakeAsync(LoopbackPair pair,
        DtlsEndpoint client, DtlsEndpoint server, CertificateFingerprint? serverExpects = null,
        CertificateFingerprint? clientExpects = null)
    {
        var serving = server.HandshakeAsync(pair.B, DtlsRole.Server, serverExpects ?? client.Certificate.Fingerprint);
        var connecting = client.HandshakeAsync(pair.A, DtlsRole.Client, clientExpects ?? server.Certificate.Fingerprint);
        var results = await Task.WhenAll(connecting, serving).WaitAsync(TimeSpan.FromSeconds(30));
        return (results[0], results[1]);
    }
}
