using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// AEAD_AES_128_GCM (RFC 7714): the 12-byte IV is the session salt XOR (SSRC, ROC, SEQ) for SRTP and XOR (SSRC,
/// SRTCP index) for SRTCP; the RTP header, or the RTCP header with the E flag and index word, is the associated data.
/// SRTCP packets are laid out header | ciphertext | tag | E+index (§9). Only encrypted SRTCP (E = 1) is accepted.
/// </summary>
public sealed class AesGcmTransform : SrtpTransform
{
    private const int Tag = GcmCipher.TagLength;
    private const int SaltLength = 12;
    private const int NonceLength = GcmCipher.NonceLength;

    private readonly GcmCipher rtpCipher;
    private readonly byte[] rtpSalt;
    private readonly GcmCipher rtcpCipher;
    private readonly byte[] rtcpSalt;

    public AesGcmTransform(ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
        : this(
            SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpEncryption, masterKey.Length),
            SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtpSalt, SaltLength),
            SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpEncryption, masterKey.Length),
            SrtpKeyDerivation.Derive(masterKey, masterSalt, SrtpKeyDerivation.RtcpSalt, SaltLength))
    {
    }

    private AesGcmTransform(byte[] rtpKey, byte[] rtpSalt, byte[] rtcpKey, byte[] rtcpSalt)
    {
        rtpCipher = GcmCipher.Create(rtpKey);
        this.rtpSalt = rtpSalt;
        rtcpCipher = GcmCipher.Create(rtcpKey);
        this.rtcpSalt = rtcpSalt;
    }

    /// <summary>A transform using one session key and salt for RTP and RTCP alike, as RFC 7714's test vectors do.</summary>
    internal static AesGcmTransform FromSessionKey(byte[] sessionKey, byte[] sessionSalt) =>
        new(sessionKey, sessionSalt, sessionKey, sessionSalt);

    public override int TagLength => Tag;

    public override void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        BuildNonce(nonce, rtpSalt, ssrc, index);
        var payload = packet[headerLength..^Tag];
        rtpCipher.Encrypt(nonce, payload, payload, packet[^Tag..], packet[..headerLength]);
    }

    public override bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index)
    {
        Span<byte> nonce = stackalloc byte[NonceLength];
        BuildNonce(nonce, rtpSalt, ssrc, index);
        var payload = packet[headerLength..^Tag];
        return rtpCipher.TryDecrypt(nonce, payload, packet[^Tag..], payload, packet[..headerLength]);
    }

    public override void ProtectRtcp(Span<byte> packet, int plainLength, uint ssrc, uint index)
    {
        var indexWord = EncryptedFlag | index;
        Span<byte> nonce = stackalloc byte[NonceLength];
        BuildNonce(nonce, rtcpSalt, ssrc, index);
        Span<byte> associated = stackalloc byte[RtcpHeaderLength + SrtcpIndexLength];
        BuildRtcpAssociatedData(associated, packet, indexWord);
        var payload = packet[RtcpHeaderLength..plainLength];
        rtcpCipher.Encrypt(nonce, payload, payload, packet.Slice(plainLength, Tag), associated);
        BinaryPrimitives.WriteUInt32BigEndian(packet[(plainLength + Tag)..], indexWord);
    }

    public override uint ReadSrtcpIndexWord(ReadOnlySpan<byte> packet) =>
        BinaryPrimitives.ReadUInt32BigEndian(packet[^SrtcpIndexLength..]);

    public override int UnprotectRtcp(Span<byte> packet, uint ssrc, uint indexWord)
    {
        if ((indexWord & EncryptedFlag) == 0)
        {
            return -1;
        }

        Span<byte> nonce = stackalloc byte[NonceLength];
        BuildNonce(nonce, rtcpSalt, ssrc, indexWord & ~EncryptedFlag);
        Span<byte> associated = stackalloc byte[RtcpHeaderLength + SrtcpIndexLength];
        BuildRtcpAssociatedData(associated, packet, indexWord);
        var plainLength = packet.Length - Tag - SrtcpIndexLength;
        var payload = packet[RtcpHeaderLength..plainLength];
        return rtcpCipher.TryDecrypt(nonce, payload, packet.Slice(plainLength, Tag), payload, associated) ? plainLength : -1;
    }

    protected override void Dispose(bool disposing)
    {
        rtpCipher.Dispose();
        rtcpCipher.Dispose();
    }

    /// <summary>nonce = salt XOR (0x0000 | SSRC | 48-bit index), the index being ROC|SEQ or the SRTCP index.</summary>
    private static void BuildNonce(Span<byte> nonce, ReadOnlySpan<byte> salt, uint ssrc, ulong index)
    {
        nonce[..2].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], index); // bytes 4 and 5 are the index's zero top bits
        BinaryPrimitives.WriteUInt32BigEndian(nonce[2..], ssrc);
        for (var i = 0; i < NonceLength; i++)
        {
            nonce[i] ^= salt[i];
        }
    }

    private static void BuildRtcpAssociatedData(Span<byte> associated, ReadOnlySpan<byte> packet, uint indexWord)
    {
        packet[..RtcpHeaderLength].CopyTo(associated);
        BinaryPrimitives.WriteUInt32BigEndian(associated[RtcpHeaderLength..], indexWord);
    }
}
