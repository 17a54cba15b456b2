using WebRtcChat.Contracts;

namespace WebRtcChat.Presence.Calls;

/// <summary>
/// One call as kept in Redis, with the rules of its transitions. A participant is a user together with the one connection
/// that took part (the inviting connection for the initiator, the accepting one for the others): only it may relay
/// signaling. Transitions change this object; <see cref="CallStore"/> writes the change atomically or retries on a fresh copy.
/// </summary>
public sealed class CallState
{
    public required Guid Id { get; init; }

    public required string Kind { get; init; }

    public required string Media { get; init; }

    public required Guid InitiatorId { get; init; }

    public Guid? RoomId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When a second participant first joined; null while nobody answered.</summary>
    public DateTimeOffset? AnsweredAt { get; set; }

    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>Set once, when the call ends (one of <see cref="CallOutcomes"/>).</summary>
    public string? Outcome { get; set; }

    /// <summary>Participant user id → the connection that takes part.</summary>
    public Dictionary<Guid, string> Participants { get; init; } = [];

    /// <summary>Invitees still being rung.</summary>
    public HashSet<Guid> Ringing { get; init; } = [];

    public HashSet<Guid> Invited { get; init; } = [];

    /// <summary>Everyone who took part at some point.</summary>
    public HashSet<Guid> Joined { get; init; } = [];

    public HashSet<Guid> Rejected { get; init; } = [];

    /// <summary>Invitees whose ringing timed out (their history flags the call as missed).</summary>
    public HashSet<Guid> Missed { get; init; } = [];

    public int PeakParticipants { get; set; }

    /// <summary>Someone tried to join a full mesh: the participants were told to move the call to the SFU.</summary>
    public bool MovedToSfu { get; set; }

    public bool IsEnded => Outcome is not null;

    /// <summary>Everyone the call concerns: the initiator, whoever was invited, whoever took part.</summary>
    public IEnumerable<Guid> Involved => Invited.Union(Joined).Append(InitiatorId).Distinct();

    public static CallState Start(
        Guid initiatorId, string connectionId, string kind, string media, Guid? roomId, IEnumerable<Guid> invitees, DateTimeOffset now)
    {
        var call = new CallState { Id = Guid.CreateVersion7(), Kind = kind, Media = media, InitiatorId = initiatorId, RoomId = roomId, CreatedAt = now };
        call.Invited.UnionWith(invitees);
        call.Ringing.UnionWith(call.Invited);
        call.Participants[initiatorId] = connectionId;
        call.Joined.Add(initiatorId);
        call.PeakParticipants = 1;
        return call;
    }

    /// <summary>
    /// <paramref name="userId"/> takes part through <paramref name="connectionId"/> (answering, or joining a room's call). A
    /// mesh that is full is not grown: it is marked moved to the SFU instead.
    /// </summary>
    public void Join(Guid userId, string connectionId, DateTimeOffset now, int maxParticipants)
    {
        EnsureNotEnded();
        if (Participants.TryGetValue(userId, out var current))
        {
            if (current != connectionId)
            {
                throw new CallRefusedException("You are already in this call on another device.");
            }

            return;
        }

        if (Kind == CallKinds.Direct && !Ringing.Contains(userId))
        {
            throw new CallRefusedException("You are not invited to this call.");
        }

        if (Participants.Count >= maxParticipants)
        {
            MovedToSfu = true;
            return;
        }

        Participants[userId] = connectionId;
        Ringing.Remove(userId);
        Joined.Add(userId);
        AnsweredAt ??= now;
        PeakParticipants = Math.Max(PeakParticipants, Participants.Count);
    }

    /// <summary>A participant's reconnected client takes its place again with its new connection.</summary>
    public void Rebind(Guid userId, string connectionId)
    {
        EnsureNotEnded();
        if (!Participants.ContainsKey(userId))
        {
            throw new CallRefusedException("You are not in this call.");
        }

        Participants[userId] = connectionId;
    }

    public void Reject(Guid userId, DateTimeOffset now)
    {
        EnsureNotEnded();
        if (!Ringing.Remove(userId))
        {
            throw new CallRefusedException("This call is not ringing for you.");
        }

        Rejected.Add(userId);
        EndIfOver(now, CallOutcomes.Rejected);
    }

    /// <summary>The caller gives up before anyone answered.</summary>
    public void Cancel(Guid userId, DateTimeOffset now)
    {
        EnsureNotEnded();
        if (userId != InitiatorId)
        {
            throw new CallRefusedException("Only the caller can cancel a call.");
        }

        if (AnsweredAt is not null)
        {
            throw new CallRefusedException("The call has been answered; hang up instead.");
        }

        Ringing.Clear();
        End(now, CallOutcomes.Cancelled);
    }

    /// <summary>A participant hangs up (or switched calls, or lost their connection).</summary>
    public void Leave(Guid userId, DateTimeOffset now)
    {
        EnsureNotEnded();
        if (!Participants.Remove(userId))
        {
            throw new CallRefusedException("You are not in this call.");
        }

        EndIfOver(now, CallOutcomes.Cancelled);
    }

    /// <summary>The ring timeout passed: whoever is still being rung missed the call.</summary>
    public void TimeOut(DateTimeOffset now)
    {
        if (IsEnded)
        {
            return;
        }

        Missed.UnionWith(Ringing);
        Ringing.Clear();
        EndIfOver(now, CallOutcomes.Missed);
    }

    public long DurationSeconds => AnsweredAt is { } answered && EndedAt is { } ended ? (long)(ended - answered).TotalSeconds : 0;

    private void EndIfOver(DateTimeOffset now, string outcomeIfUnanswered)
    {
        if (AnsweredAt is null)
        {
            if (Participants.Count == 0)
            {
                // The caller left before anyone answered: a cancelled call, not one the invitees missed.
                Ringing.Clear();
                End(now, CallOutcomes.Cancelled);
            }
            else if (Ringing.Count == 0)
            {
                End(now, outcomeIfUnanswered);
            }
        }
        else if (Participants.Count == 0 || (Participants.Count == 1 && Ringing.Count == 0))
        {
            End(now, CallOutcomes.Completed);
        }
    }

    private void End(DateTimeOffset now, string outcome)
    {
        Missed.UnionWith(Ringing);
        Ringing.Clear();
        Participants.Clear();
        Outcome = outcome;
        EndedAt = now;
    }

    private void EnsureNotEnded()
    {
        if (IsEnded)
        {
            throw new CallRefusedException("This call has ended.");
        }
    }
}
