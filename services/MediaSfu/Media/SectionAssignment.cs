namespace WebRtcChat.MediaSfu.Media;

/// <summary>How the answer settles one offered m-section: a published track, a forwarded one, or nothing (inactive).</summary>
public sealed record SectionAssignment(OfferedSection Section, ForwardedTrack? Published, ForwardedTrack? Forwarded);
