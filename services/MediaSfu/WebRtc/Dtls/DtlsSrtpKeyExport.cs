using Org.BouncyCastle.Tls;
using WebRtcChat.WebRtc.Srtp;

namespace WebRtcChat.WebRtc.Dtls;

/// <summary>
/// Derives the SRTP master keys and salts from a finished handshake (RFC 5764 §4.2): the exporter with label
/// "EXTRACTOR-dtls_srtp" and no context yields client key | server key | client salt | server salt.
/// </summary>
internal static class DtlsSrtpKeyExport
{
    public static SrtpKeys Export(TlsContext context, SrtpProfile profile)
    {
        var (keyLength, saltLength) = MasterLengths(profile);
        var material = context.ExportKeyingMaterial(ExporterLabel.dtls_srtp, null, 2 * (keyLength + saltLength));
        var cursor = 0;
        byte[] Next(int length)
        {
            var part = material.AsSpan(cursor, length).ToArray();
            cursor += length;
            return part;
        }

        var clientKey = Next(keyLength);
        var serverKey = Next(keyLength);
        var clientSalt = Next(saltLength);
        var serverSalt = Next(saltLength);
        Array.Clear(material);
        return new SrtpKeys(profile, clientKey, clientSalt, serverKey, serverSalt);
    }

    /// <summary>Master key and salt lengths: RFC 5764 §4.1.2 (AES-CM: 128-bit key, 112-bit salt), RFC 7714 §12 (GCM: 96-bit salt).</summary>
    private static (int Key, int Salt) MasterLengths(SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1_80 => (16, 14),
        SrtpProfile.AeadAes128Gcm => (16, 12),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Not a DTLS-SRTP profile we negotiate."),
    };
}
