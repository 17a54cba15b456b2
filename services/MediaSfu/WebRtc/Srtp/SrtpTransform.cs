namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// The cryptographic transform of one direction of an SRTP session: session keys derived once from the master key and
/// salt, then per packet encryption and authentication in place. Stream state (indices, replay) is the caller's; the
/// transform only needs the SSRC and the packet index. Not thread-safe.
/// </summary>
public abstract class SrtpTransform : IDisposable
{
    public const int SrtcpIndexLength = 4;
    public const uint EncryptedFlag = 0x8000_0000;
    public const int RtcpHeaderLength = 8;

    public abstract int TagLength { get; }

    public static SrtpTransform Create(SrtpProfile profile, ReadOnlySpan<byte> masterKey, ReadOnlySpan<byte> masterSalt)
    {
        if (masterKey.Length != profile.MasterKeyLength() || masterSalt.Length != profile.MasterSaltLength())
        {
            throw new ArgumentException($"{profile} takes a {profile.MasterKeyLength()}-byte key and a {profile.MasterSaltLength()}-byte salt.");
        }

        return profile switch
        {
            SrtpProfile.AeadAes128Gcm => new AesGcmTransform(masterKey, masterSalt),
            _ => new AesCmHmacSha1Transform(masterKey, masterSalt),
        };
    }

    /// <summary>Encrypts and tags <paramref name="packet"/>: header, payload, then room for the tag at its end.</summary>
    public abstract void ProtectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index);

    /// <summary>Verifies the tag at the end of <paramref name="packet"/>, then decrypts the payload; false if forged.</summary>
    public abstract bool UnprotectRtp(Span<byte> packet, int headerLength, uint ssrc, ulong index);

    /// <summary>
    /// Encrypts an RTCP compound packet of <paramref name="plainLength"/> bytes and appends the E flag, the index and
    /// the tag in the profile's order; <paramref name="packet"/> spans all of it.
    /// </summary>
    public abstract void ProtectRtcp(Span<byte> packet, int plainLength, uint ssrc, uint index);

    /// <summary>The E flag and SRTCP index word of a protected RTCP packet (read before authenticating it).</summary>
    public abstract uint ReadSrtcpIndexWord(ReadOnlySpan<byte> packet);

    /// <summary>Verifies and decrypts a protected RTCP packet; its plaintext length, or -1 if forged.</summary>
    public abstract int UnprotectRtcp(Span<byte> packet, uint ssrc, uint indexWord);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);
}
