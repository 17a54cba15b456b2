namespace WebRtcChat.WebRtc.Stun;

/// <summary>Why a datagram was not accepted as a STUN message; <see cref="Ok"/> when it was.</summary>
public enum StunParseResult
{
    Ok,
    TooShort,
    NotStun,
    LengthMismatch,
    TruncatedAttribute,
    MalformedAttribute,
    UnknownComprehensionRequiredAttribute,
    FingerprintNotLast,
    BadFingerprint,
}
