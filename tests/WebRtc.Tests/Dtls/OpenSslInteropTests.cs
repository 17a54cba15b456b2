using System.Net;
using System.Security.Cryptography;
using WebRtcChat.WebRtc.Dtls;
using WebRtcChat.WebRtc.Srtp;
using WebRtcChat.WebRtc.Transport;

namespace WebRtcChat.WebRtc.Tests.Dtls;

/// <summary>
/// Our client against <c>openssl s_server</c> and our server against <c>openssl s_client</c>: the handshake completes
/// and the keying material OpenSSL exports is byte for byte the one our keys were split from.
/// </summary>
public sealed class OpenSslInteropTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("dtls-openssl-");
    private readonly string opensslCertificate;
    private readonly string opensslKey;
    private readonly CertificateFingerprint opensslFingerprint;

    public OpenSslInteropTests()
    {
        (opensslCertificate, opensslKey) = OpenSslProcess.CreateCertificate(folder.FullName);
        var pem = File.ReadAllText(opensslCertificate);
        opensslFingerprint = CertificateFingerprint.Of(Convert.FromBase64String(pem[PemEncoding.Find(pem).Base64Data]));
    }

    [Theory]
    [InlineData("SRTP_AES128_CM_SHA1_80", SrtpProfile.Aes128CmHmacSha1_80, 60)]
    [InlineData("SRTP_AEAD_AES_128_GCM", SrtpProfile.AeadAes128Gcm, 56)]
    public async Task Our_client_completes_a_handshake_with_openssl_s_server_and_exports_the_same_keys(
        string opensslProfile, SrtpProfile expected, int materialLength)
    {
        var port = OpenSslProcess.FreeUdpPort();
        using var server = OpenSslProcess.Run("s_server", "-dtls1_2", "-accept", $"127.0.0.1:{port}",
            "-cert", opensslCertificate, "-key", opensslKey, "-Verify", "1", "-mtu", "1200", "-naccept", "1",
            "-use_srtp", opensslProfile, "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", $"{materialLength}");
        await server.WaitForLineAsync("ACCEPT", Patience);
        using var channel = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        channel.Connect(new IPEndPoint(IPAddress.Loopback, port));

        var result = await Peers.Alice().HandshakeAsync(channel, DtlsRole.Client, opensslFingerprint)
            .WaitAsync(Patience);

        Assert.True(result.Succeeded, $"{result.Detail}\nopenssl:\n{server.Output}");
        Assert.Equal(expected, result.Session!.Keys.Profile);
        Assert.Equal(await server.ExportedKeyingMaterialAsync(Patience), Concatenated(result.Session.Keys));
    }

    [Theory]
    [InlineData("SRTP_AES128_CM_SHA1_80", SrtpProfile.Aes128CmHmacSha1_80, 60)]
    [InlineData("SRTP_AEAD_AES_128_GCM:SRTP_AES128_CM_SHA1_80", SrtpProfile.AeadAes128Gcm, 56)]
    public async Task Our_server_completes_a_handshake_with_openssl_s_client_and_exports_the_same_keys(
        string opensslProfiles, SrtpProfile expected, int materialLength)
    {
        using var channel = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var clientPort = OpenSslProcess.FreeUdpPort();
        channel.Connect(new IPEndPoint(IPAddress.Loopback, clientPort));
        var serving = Peers.Bob().HandshakeAsync(channel, DtlsRole.Server, opensslFingerprint);

        using var client = OpenSslProcess.Run("s_client", "-dtls1_2", "-connect", $"127.0.0.1:{channel.LocalEndPoint.Port}",
            "-bind", $"127.0.0.1:{clientPort}", "-cert", opensslCertificate, "-key", opensslKey, "-mtu", "1200",
            "-use_srtp", opensslProfiles, "-keymatexport", "EXTRACTOR-dtls_srtp", "-keymatexportlen", $"{materialLength}");
        var result = await serving.WaitAsync(Patience);

        Assert.True(result.Succeeded, $"{result.Detail}\nopenssl:\n{client.Output}");
        Assert.Equal(expected, result.Session!.Keys.Profile);
        Assert.Equal(await client.ExportedKeyingMaterialAsync(Patience), Concatenated(result.Session.Keys));
    }

    [Fact]
    public async Task Our_server_rejects_an_openssl_client_whose_certificate_is_not_the_one_in_the_sdp()
    {
        using var channel = new UdpDatagramChannel(new IPEndPoint(IPAddress.Loopback, 0));
        var clientPort = OpenSslProcess.FreeUdpPort();
        channel.Connect(new IPEndPoint(IPAddress.Loopback, clientPort));
        var serving = Peers.Bob().HandshakeAsync(channel, DtlsRole.Server, Peers.AliceCertificate.Fingerprint);

        using var client = OpenSslProcess.Run("s_client", "-dtls1_2", "-connect", $"127.0.0.1:{channel.LocalEndPoint.Port}",
            "-bind", $"127.0.0.1:{clientPort}", "-cert", opensslCertificate, "-key", opensslKey, "-mtu", "1200",
            "-use_srtp", "SRTP_AES128_CM_SHA1_80");
        var result = await serving.WaitAsync(Patience);

        Assert.Equal(DtlsFailure.FingerprintMismatch, result.Failure);
        await client.WaitForLineAsync("bad certificate", Patience);
    }

    public void Dispose() => folder.Delete(recursive: true);

    /// <summary>RFC 5764 §4.2's order: client key, server key, client salt, server salt.</summary>
    private static byte[] Concatenated(SrtpKeys keys) =>
        [.. keys.ClientKey, .. keys.ServerKey, .. keys.ClientSalt, .. keys.ServerSalt];
}
