using System.Buffers.Binary;
using System.Security.Cryptography;

namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// AES_CM_128_HMAC_SHA1_80 (RFC 3711 §4.1.1, §4.2): AES counter mode with the IV built from salt, SSRC and index,
/// and an 80-bit HMAC-SHA1 tag over the packet (and, for SRTP, the rollover counter).
/// </summary>
public sealed class AesCmHmacSha1Transform : SrtpTransform
{
    private const int Tag = 10;
    private const int SaltLength = 14;

    private readonly Direction rtp;
    private readonly Direction rtcp;

    public AesCmHmacSha1Transform(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        rtp = new Direction(masterKey, masterSalt, SrtpKeyDerivation.RtpEncryption, SrtpKeyDerivation.RtpAuthentication, SrtpKeyDerivation.RtpSalt);
        rtcp = new Direction(masterKey, masterSalt, SrtpKeyDerivation.RtcpEncryption, SrtpKeyDerivation.RtcpAuthentication, SrtpKeyDerivation.RtcpSalt);
    }

    public override int TagLength => Tag;

    public override void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        var authenticated = packet[..^Tag];
        rtp.Encrypt(authenticated[headerLength..], ssrc, index);
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        rtp.Authenticate(authenticated, (uint)(index >> 16), mac);
        mac[..Tag].CopyTo(packet[^Tag..]);
    }

    public override bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        var authenticated = packet[..^Tag];
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        rtp.Authenticate(authenticated, (uint)(index >> 16), mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..Tag], packet[^Tag..]))
        {
            return false;
        }

        rtp.Encrypt(authenticated[headerLength..], ssrc, index);
        return true;
    }

    public override void ProtectRtcp(Span<byte> packet, int plainLength, uint ssrc, uint index)
    {
        rtcp.Encrypt(packet[RtcpHeaderLength..plainLength], ssrc, index);
        BinaryPrimitives.WriteUInt32BigEndian(packet[plainLength..], EncryptedFlag | index);
        var authenticated = packet[..(plainLength + SrtcpIndexLength)];
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        rtcp.Authenticate(authenticated, null, mac);
        mac[..Tag].CopyTo(packet[authenticated.Length..]);
    }

    public override uint ReadSrtcpIndexWord(ReadOnlySpan<byte> packet) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[^(Tag + SrtcpIndexLength)..]);

    public override int UnprotectRtcp(Span<byte> packet, uint ssrc, uint indexWord)
    {
        var authenticated = packet[..^Tag];
        Span<byte> mac = stackalloc byte[HMACSHA1.HashSizeInBytes];
        rtcp.Authenticate(authenticated, null, mac);
        if (!CryptographicOperations.FixedTimeEquals(mac[..Tag], packet[^Tag..]))
        {
            return -1;
        }

        var plainLength = authenticated.Length - SrtcpIndexLength;
        if ((indexWord & EncryptedFlag) != 0)
        {
            rtcp.Encrypt(packet[RtcpHeaderLength..plainLength], ssrc, indexWord & ~EncryptedFlag);
        }

        return plainLength;
    }

    protected override void Dispose(bool disposing)
    {
        rtp.Dispose();
        rtcp.Dispose();
    }

    /// <summary>The cipher, MAC and salt of RTP or of RTCP.</summary>
    private sealed class Direction : IDisposable
    {
        private readonly AesCounterMode cipher;
        private readonly IncrementalHash hmac;
        private readonly byte[] salt;

        public Direction(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt, byte encryptionLabel, byte authenticationLabel, byte saltLabel)
        {
            var key = SrtpKeyDerivation.Derive(masterKey, masterSalt, encryptionLabel, masterKey.Length);
            cipher = new AesCounterMode(key);
            hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA1, SrtpKeyDerivation.Derive(masterKey, masterSalt, authenticationLabel, SrtpProfileParameters.AuthenticationKeyLength));
            salt = SrtpKeyDerivation.Derive(masterKey, masterSalt, saltLabel, SaltLength);
        }

        /// <summary>IV = salt * 2^16 XOR SSRC * 2^64 XOR index * 2^16 (RFC 3711 §4.1.1).</summary>
        public void Encrypt(Span<byte> data, uint ssrc, ulong index)
        {
            Span<byte> iv = stackalloc byte[AesCounterMode.BlockLength];
            iv[..4].Clear();
            iv[14..].Clear();
            BinaryPrimitives.WriteUInt64BigEndian(iv[6..], index); // a 48-bit index: bytes 6 and 7 are zero
            BinaryPrimitives.WriteUInt32BigEndian(iv[4..], ssrc);
            for (var i = 0; i < SaltLength; i++)
            {
                iv[i] ^= salt[i];
            }

            cipher.Apply(iv, data);
        }

        public void Authenticate(ReadOnlySpan<byte> data, uint? rolloverCounter, Span<byte> mac)
        {
            hmac.AppendData(data);
            if (rolloverCounter is { } roc)
            {
                Span<byte> rocBytes = stackalloc byte[4];
                BinaryPrimitives.WriteUInt32BigEndian(rocBytes, roc);
                hmac.AppendData(rocBytes);
            }

            hmac.GetHashAndReset(mac);
        }

        public void Dispose()
        {
            cipher.Dispose();
            hmac.Dispose();
        }
    }
}
