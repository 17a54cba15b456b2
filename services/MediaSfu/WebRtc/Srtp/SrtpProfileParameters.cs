namespace WebRtcChat.WebRtc.Srtp;

/// <summary>The key, salt and tag sizes each protection profile fixes (RFC 5764 §4.1.2, RFC 7714 §14.2).</summary>
public static class SrtpProfileParameters
{
    public const int AuthenticationKeyLength = 20;

    public static int MasterKeyLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1_80 or SrtpProfile.AeadAes128Gcm => 16,
        _ => throw Unsupported(profile),
    };

    public static int MasterSaltLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1_80 => 14,
        SrtpProfile.AeadAes128Gcm => 12,
        _ => throw Unsupported(profile),
    };

    /// <summary>Bytes a protected packet grows by (SRTCP adds 4 more for the E flag and index).</summary>
    public static int TagLength(this SrtpProfile profile) => profile switch
    {
        SrtpProfile.Aes128CmHmacSha1_80 => 10,
        SrtpProfile.AeadAes128Gcm => 16,
        _ => throw Unsupported(profile),
    };

    private static ArgumentOutOfRangeException Unsupported(SrtpProfile profile) =>
        new(nameof(profile), profile, "Unsupported SRTP protection profile.");
}
