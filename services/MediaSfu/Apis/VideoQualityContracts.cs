namespace WebRtcChat.MediaSfu.Apis;

/// <summary>
/// The largest video height (pixels) the participant wants, from <paramref name="PublisherParticipantId"/> only or, when
/// omitted, from everyone; 0 pauses video.
/// </summary>
public sealed record VideoQualityRequest(int? MaxHeight, Guid? PublisherParticipantId);
