namespace WebRtcChat.WebRtc.Srtp;

/// <summary>Why a packet was not protected or unprotected; the caller counts these per reason.</summary>
public enum SrtpFailure
{
    None = 0,

    /// <summary>Not an RTP/RTCP packet, or too short to hold its header and tag.</summary>
    Malformed,

    /// <summary>The buffer has no room for the tag (protect).</summary>
    BufferTooSmall,

    /// <summary>The tag did not verify: forged, corrupted or under other keys.</summary>
    AuthenticationFailed,

    /// <summary>Already received, or older than the replay window.</summary>
    Replayed,

    /// <summary>A new SSRC beyond the limit of streams one session keeps state for.</summary>
    TooManyStreams,
}

/// <summary>The outcome of a protect or unprotect call: the packet's new length, or why it failed.</summary>
public readonly record struct SrtpResult(int Length, SrtpFailure Failure)
{
    public bool IsSuccess => Failure == SrtpFailure.None;

    public static SrtpResult Ok(int length) => new(length, SrtpFailure.None);

    public static SrtpResult Fail(SrtpFailure failure) => new(0, failure);
}
