namespace WebRtcChat.MediaSfu.Media;

/// <summary>The outcome of an offer: an answer, or why there is none.</summary>
public sealed record Negotiation(Guid ParticipantId, string? Answer, string? InvalidOffer, bool CallEnded)
{
    public static Negotiation Answered(Guid participantId, string answer) => new(participantId, answer, null, false);

    public static Negotiation Invalid(string reason) => new(Guid.Empty, null, reason, false);

    public static Negotiation Ended() => new(Guid.Empty, null, null, true);
}
