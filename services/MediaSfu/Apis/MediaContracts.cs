namespace WebRtcChat.MediaSfu.Apis;

/// <summary>An SDP offer from a participant's browser (JSEP).</summary>
public sealed record SdpOfferRequest(string? Sdp);

/// <summary>The SFU's answer; <paramref name="ParticipantId"/> names the caller's place in the call.</summary>
public sealed record SdpAnswerDto(Guid CallId, Guid ParticipantId, string Type, string Sdp);
