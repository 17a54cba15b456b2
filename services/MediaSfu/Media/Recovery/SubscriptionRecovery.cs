namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>
/// Loss recovery on one subscriber's copy of a stream: what it NACKed and what we resent, the resend limiter, and the
/// sequence numbers of the RTX stream we send it (our own, RFC 4588 §4).
/// </summary>
public sealed class SubscriptionRecovery
{
    private readonly Lock gate = new();
    private readonly RetransmissionLimiter limiter = new();
    private readonly ExtendedSequence resent = new();
    private long nacks;
    private long retransmitted;
    private long suppressed;
    private long misses;
    private int rtxSequence = Random.Shared.Next(ushort.MaxValue + 1);

    /// <summary>Sequence numbers the subscriber NACKed.</summary>
    public long Nacks => Interlocked.Read(ref nacks);

    /// <summary>Packets resent to it.</summary>
    public long Retransmitted => Interlocked.Read(ref retransmitted);

    /// <summary>NACKs not answered because the same packet was resent less than a round trip ago.</summary>
    public long Suppressed => Interlocked.Read(ref suppressed);

    /// <summary>NACKed packets the buffer did not hold.</summary>
    public long Misses => Interlocked.Read(ref misses);

    internal void Nacked() => Interlocked.Increment(ref nacks);

    internal void Missed() => Interlocked.Increment(ref misses);

    /// <summary>
    /// True when the packet with this (forwarded) sequence number may be resent now (and counts it), false when it was
    /// resent within <paramref name="interval"/>.
    /// </summary>
    internal bool TryRetransmit(ushort sequence, long now, long interval)
    {
        bool allowed;
        lock (gate)
        {
            allowed = limiter.TryTake(resent.Extend(sequence), now, interval);
        }

        Interlocked.Increment(ref allowed ? ref retransmitted : ref suppressed);
        return allowed;
    }

    internal ushort NextRtxSequence() => (ushort)Interlocked.Increment(ref rtxSequence);
}
