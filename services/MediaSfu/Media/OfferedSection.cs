namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// What one m-section of a participant's offer means to the SFU: the participant publishes on it (send), wants to
/// receive on it (recv), or stopped it (port 0). <paramref name="RtxSsrc"/>: the SSRC the participant sends retransmissions on
/// (a=ssrc-group:FID); <paramref name="RtxPayloadTypes"/>: the accepted RTX payload type for each media payload type (apt).
/// <paramref name="Simulcast"/> is set when it publishes rid-based simulcast.
/// </summary>
public sealed record OfferedSection(
    string Mid,
    MediaKind Kind,
    bool Sends,
    bool Receives,
    bool Stopped,
    uint? Ssrc,
    string? TrackId,
    IReadOnlyDictionary<byte, string> PayloadCodecs,
    uint? RtxSsrc = null,
    IReadOnlyDictionary<byte, byte>? RtxPayloadTypes = null,
    SimulcastOffer? Simulcast = null)
{
    /// <summary>The header extension id of the audio level (RFC 6464) on this section; 0 when not negotiated.</summary>
    public int AudioLevelExtensionId { get; init; }

    /// <summary>The header extension id of abs-send-time on this section; 0 when not negotiated.</summary>
    public int AbsSendTimeExtensionId { get; init; }

    /// <summary>The header extension id of the transport-wide sequence number on this section; 0 when not negotiated (or not on a section it receives on).</summary>
    public int TransportSequenceExtensionId { get; init; }
}
