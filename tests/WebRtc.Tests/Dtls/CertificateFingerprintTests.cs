using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using WebRtcChat.WebRtc.Dtls;

namespace WebRtcChat.WebRtc.Tests.Dtls;

public sealed class CertificateFingerprintTests
{
    [Fact]
    public void The_generated_certificate_is_a_self_signed_ecdsa_p256_certificate_valid_now()
    {
        using var certificate = X509CertificateLoader.LoadCertificate(Peers.AliceCertificate.Der.Span);
        using var key = certificate.GetECDsaPublicKey();

        Assert.NotNull(key);
        Assert.Equal(ECCurve.NamedCurves.nistP256.Oid.Value, key.ExportParameters(false).Curve.Oid.Value);
        Assert.Equal(certificate.Subject, certificate.Issuer);
        Assert.InRange(DateTime.Now, certificate.NotBefore, certificate.NotAfter);
        Assert.Equal("1.2.840.10045.4.3.2", certificate.SignatureAlgorithm.Value); // ecdsa-with-SHA256
    }

    [Fact]
    public void The_sdp_form_is_the_sha256_of_the_der_in_colon_separated_upper_case_hex()
    {
        var fingerprint = Peers.AliceCertificate.Fingerprint.ToString();
        var expected = string.Join(':', SHA256.HashData(Peers.AliceCertificate.Der.Span).Select(b => b.ToString("X2")));

        Assert.Equal("sha-256 " + expected, fingerprint);
        Assert.Equal(8 + (32 * 3) - 1, fingerprint.Length);
    }

    [Fact]
    public void A_parsed_fingerprint_matches_its_certificate_and_no_other()
    {
        var parsed = CertificateFingerprint.Parse(Peers.AliceCertificate.Fingerprint.ToString().ToLowerInvariant());

        Assert.True(parsed.Matches(Peers.AliceCertificate.Der.Span));
        Assert.False(parsed.Matches(Peers.BobCertificate.Der.Span));
        Assert.Equal(Peers.AliceCertificate.Fingerprint.ToString(), parsed.ToString());
    }

    [Fact]
    public void Other_hash_functions_from_rfc_8122_are_understood()
    {
        var der = Peers.BobCertificate.Der.Span;
        var sha384 = "SHA-384 " + string.Join(':', SHA384.HashData(der).Select(b => b.ToString("x2")));

        Assert.True(CertificateFingerprint.Parse(sha384).Matches(der));
        Assert.Equal("sha-512", CertificateFingerprint.Of(der, "sha-512").Algorithm);
    }

    [Theory]
    [InlineData("", "not '")]
    [InlineData("sha-256", "not 'sha-256'")]
    [InlineData("md5 AB:CD", "'md5' is not supported")]
    [InlineData("sha-256 AB:CD", "has 32 bytes, this one 2")]
    [InlineData("sha-256 AB:XY", "'XY' is not two hexadecimal digits")]
    [InlineData("sha-256 ABC:D", "'ABC' is not two hexadecimal digits")]
    public void Malformed_values_are_rejected_with_a_clear_message(string value, string message)
    {
        var error = Assert.Throws<FormatException>(() => CertificateFingerprint.Parse(value));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.False(CertificateFingerprint.TryParse(value, out _));
    }
}
