namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>
/// When each recent packet was last resent to one subscriber, so a NACK repeated before the resend could have arrived
/// (within about a round trip) does not send it again: no retransmission storms. Not thread-safe.
/// </summary>
public sealed class RetransmissionLimiter
{
    public const int Slots = 512;

    private readonly long[] sequences = new long[Slots];
    private readonly long[] sentAt = new long[Slots];

    public RetransmissionLimiter() => Array.Fill(sequences, -1);

    /// <summary>True (and noted as sent now) unless <paramref name="sequence"/> was resent less than <paramref name="interval"/> ago.</summary>
    public bool TryTake(long sequence, long now, long interval)
    {
        var slot = (int)(sequence % Slots);
        if (sequences[slot] == sequence && now - sentAt[slot] < interval)
        {
            return false;
        }

        sequences[slot] = sequence;
        sentAt[slot] = now;
        return true;
    }
}
