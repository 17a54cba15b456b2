using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;
using Org.BouncyCastle.X509;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// A self-signed ECDSA P-256 certificate for DTLS-SRTP. WebRTC authenticates it by the fingerprint in SDP, not by a CA,
/// so one per process (<see cref="Generate"/>) is enough; its <see cref="Fingerprint"/> goes into every answer.
/// </summary>
public sealed class DtlsCertificate
{
    private static readonly TimeSpan Validity = TimeSpan.FromDays(30);

    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey)
    {
        Der = der;
        PrivateKey = privateKey;
        Fingerprint = CertificateFingerprint.Of(der);
    }

    /// <summary>The certificate's DER encoding.</summary>
    public ReadOnlyMemory<byte> Der { get; }

    /// <summary>Its SHA-256 fingerprint; <c>Fingerprint.ToString()</c> is the SDP value.</summary>
    public CertificateFingerprint Fingerprint { get; }

    internal AsymmetricKeyParameter PrivateKey { get; }

    /// <summary>A fresh key pair and a certificate valid from a day ago (clock skew) for 30 days.</summary>
    public static DtlsCertificate Generate(TimeProvider? time = null)
    {
        var random = new SecureRandom();
        var keys = new ECKeyPairGenerator();
        keys.Init(new ECKeyGenerationParameters(SecObjectIdentifiers.SecP256r1, random));
        var pair = keys.GenerateKeyPair();

        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var name = new X509Name("CN=WebRtcChat");
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(64, random).Add(BigInteger.One));
        generator.SetIssuerDN(name);
        generator.SetSubjectDN(name);
        generator.SetNotBefore(now.AddDays(-1));
        generator.SetNotAfter(now.Add(Validity));
        generator.SetPublicKey(pair.Public);
        var certificate = generator.Generate(new Asn1SignatureFactory("SHA256WITHECDSA", pair.Private, random));
        return new DtlsCertificate(certificate.GetEncoded(), pair.Private);
    }

    /// <summary>The certificate as BouncyCastle's TLS stack sends it.</summary>
    internal Certificate ToTlsChain(BcTlsCrypto crypto) =>
        new([new BcTlsCertificate(crypto, Der.ToArray())]);

    /// <summary>What signs our CertificateVerify (client) or ServerKeyExchange (server): ECDSA with SHA-256.</summary>
    internal TlsCredentialedSigner ToSigner(TlsContext context, BcTlsCrypto crypto) =>
        new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, PrivateKey, ToTlsChain(crypto),
            SignatureAndHashAlgorithm.GetInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa));
}
