namespace WebRtcChat.Presence.Calls;

/// <summary><c>incoming-call</c>: ring (on every device) until answered, rejected, cancelled or <paramref name="ExpiresInMs"/> passes. <paramref name="Busy"/>: the callee is in another call (accepting needs switch).</summary>
public sealed record IncomingCall(Guid CallId, string Kind, string Media, Guid From, Guid? RoomId, int ExpiresInMs, bool Busy);

/// <summary><c>call-busy</c>: <paramref name="UserId"/> is in another call; they are rung anyway and may switch.</summary>
public sealed record CallBusy(Guid CallId, Guid UserId);

/// <summary><c>call-answered-elsewhere</c>, <c>call-missed</c>: stop ringing for this call on this device.</summary>
public sealed record CallRingStopped(Guid CallId);

/// <summary><c>call-rejected</c>: <paramref name="UserId"/> declined.</summary>
public sealed record CallRejected(Guid CallId, Guid UserId);

/// <summary><c>participant-joined</c> / <c>participant-left</c>: the mesh gains or loses <paramref name="UserId"/> (connect or drop the peer connection to them).</summary>
public sealed record CallParticipantChanged(Guid CallId, Guid? RoomId, Guid UserId, IReadOnlyList<Guid> ParticipantIds);

/// <summary>
/// <c>call-ended</c>: the call is over for everyone. <paramref name="Reason"/> says why when its participants did not end
/// it: <c>node-lost</c> (an SFU call whose node failed) means join the room's call again.
/// </summary>
public sealed record CallFinished(Guid CallId, string Outcome, long DurationSeconds, string? Reason = null);

/// <summary><c>call-switch-to-sfu</c>: the call outgrew the mesh; continue it on the SFU (MediaSfu) for <paramref name="RoomId"/>.</summary>
public sealed record CallSwitchToSfu(Guid CallId, Guid? RoomId);

/// <summary><c>dominant-speaker</c>: <paramref name="UserId"/> now speaks in SFU call <paramref name="CallId"/> (highlight their tile).</summary>
public sealed record DominantSpeaker(Guid CallId, Guid UserId);

/// <summary>An SDP offer or answer as <c>RTCSessionDescriptionInit</c> carries it.</summary>
public sealed record SessionDescription(string Type, string Sdp);

/// <summary>An ICE candidate as <c>RTCIceCandidateInit</c> carries it.</summary>
public sealed record IceCandidateInit(string Candidate, string? SdpMid, int? SdpMLineIndex, string? UsernameFragment);

/// <summary><c>group-offer</c> / <c>group-answer</c>: a participant's session description, for the receiving participant only.</summary>
public sealed record RelayedDescription(Guid CallId, Guid From, SessionDescription Description);

/// <summary><c>ice-candidate</c>: a participant's ICE candidate, for the receiving participant only.</summary>
public sealed record RelayedCandidate(Guid CallId, Guid From, IceCandidateInit Candidate);
