namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// What one m-section of a participant's offer means to the SFU: the participant publishes on it (send), wants to
/// receive on it (recv), or stopped it (port 0). <see cref="Simulcast"/> is set when it publishes rid-based simulcast.
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
    SimulcastOffer? Simulcast = null);
