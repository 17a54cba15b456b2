namespace WebRtcChat.WebRtc.Dtls;

/// <summary>Why a DTLS-SRTP handshake did not establish a session.</summary>
public enum DtlsFailure
{
    /// <summary>No session within <see cref="DtlsOptions.HandshakeTimeout"/>.</summary>
    TimedOut,

    /// <summary>The caller cancelled, or the datagram channel closed.</summary>
    Cancelled,

    /// <summary>The peer's certificate does not have the fingerprint its SDP announced (or it sent none).</summary>
    FingerprintMismatch,

    /// <summary>The peer ended the handshake with a fatal alert (it may have rejected our certificate).</summary>
    RejectedByPeer,

    /// <summary>No SRTP profile in common, or the peer did not negotiate use_srtp at all.</summary>
    NoCommonSrtpProfile,

    /// <summary>Any other protocol failure (no common cipher suite, malformed messages, …).</summary>
    ProtocolError,
}
