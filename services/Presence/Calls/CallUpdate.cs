namespace WebRtcChat.Presence.Calls;

/// <summary>A call before and after one transition that was written; whoever wrote it announces what changed, once.</summary>
public sealed record CallUpdate(CallState? Before, CallState After)
{
    public IEnumerable<Guid> ParticipantsBefore => Before?.Participants.Keys ?? Enumerable.Empty<Guid>();

    public IEnumerable<Guid> JoinedUsers => After.Participants.Keys.Except(ParticipantsBefore);

    public IEnumerable<Guid> LeftUsers => ParticipantsBefore.Except(After.Participants.Keys);

    public IEnumerable<Guid> NewlyRejected => After.Rejected.Except(Before?.Rejected ?? Enumerable.Empty<Guid>());

    public IEnumerable<Guid> NewlyMissed => After.Missed.Except(Before?.Missed ?? Enumerable.Empty<Guid>());

    public bool MovedToSfuNow => After.MovedToSfu && Before is { MovedToSfu: false };

    public bool EndedNow => After.IsEnded && Before is { IsEnded: false };
}
