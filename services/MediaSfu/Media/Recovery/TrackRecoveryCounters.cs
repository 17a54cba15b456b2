namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>Loss recovery on one published stream, over all its subscribers (read by the stats endpoint and tests).</summary>
public sealed class TrackRecoveryCounters
{
    private long nacksReceived;
    private long retransmitted;
    private long misses;
    private long upstreamNacks;
    private long repaired;
    private long discarded;
    private long unrepaired;

    /// <summary>Sequence numbers subscribers NACKed.</summary>
    public long NacksReceived => Interlocked.Read(ref nacksReceived);

    /// <summary>Packets resent to subscribers from the buffer.</summary>
    public long Retransmitted => Interlocked.Read(ref retransmitted);

    /// <summary>NACKed packets the buffer did not hold (never arrived, or too old).</summary>
    public long Misses => Interlocked.Read(ref misses);

    /// <summary>Sequence numbers we NACKed to the publisher (each retry counts).</summary>
    public long UpstreamNacks => Interlocked.Read(ref upstreamNacks);

    /// <summary>Holes filled after all: by the publisher's RTX or a late packet.</summary>
    public long Repaired => Interlocked.Read(ref repaired);

    /// <summary>Packets not forwarded because they had been already (duplicates, redundant RTX) or were too old to tell.</summary>
    public long Discarded => Interlocked.Read(ref discarded);

    /// <summary>Holes a subscriber asked for that the publisher never filled (giving up on them asks it for a key frame).</summary>
    public long Unrepaired => Interlocked.Read(ref unrepaired);

    internal void NackReceived() => Interlocked.Increment(ref nacksReceived);

    internal void Retransmit() => Interlocked.Increment(ref retransmitted);

    internal void Missed() => Interlocked.Increment(ref misses);

    internal void NackedUpstream(int packets) => Interlocked.Add(ref upstreamNacks, packets);

    internal void Repair() => Interlocked.Increment(ref repaired);

    internal void Discard() => Interlocked.Increment(ref discarded);

    internal void NotRepaired(long packets) => Interlocked.Add(ref unrepaired, packets);
}
