namespace WebRtcChat.Presence.Calls;

/// <summary>The client methods the hub calls about calls (payloads in <c>CallPushes.cs</c>).</summary>
public static class CallEventNames
{
    public const string IncomingCall = "incoming-call";
    public const string CallBusy = "call-busy";
    public const string CallAnsweredElsewhere = "call-answered-elsewhere";
    public const string CallRejected = "call-rejected";
    public const string CallMissed = "call-missed";
    public const string CallEnded = "call-ended";
    public const string ParticipantJoined = "participant-joined";
    public const string ParticipantLeft = "participant-left";
    public const string SwitchToSfu = "call-switch-to-sfu";
    public const string GroupOffer = "group-offer";
    public const string GroupAnswer = "group-answer";
    public const string IceCandidate = "ice-candidate";
    public const string DominantSpeaker = "dominant-speaker";
}
