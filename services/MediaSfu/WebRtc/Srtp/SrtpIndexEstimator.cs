namespace WebRtcChat.WebRtc.Srtp;

/// <summary>
/// Tracks the rollover counter of one SRTP stream and estimates a packet's 48-bit index from its 16-bit sequence
/// number (RFC 3711 §3.3.1 and Appendix A). <see cref="Estimate"/> never changes state; <see cref="Commit"/> is called
/// only once the packet has been authenticated, so forged packets cannot move the counter.
/// </summary>
public struct SrtpIndexEstimator
{
    private const int HalfRange = 32768;

    private bool started;
    private uint rolloverCounter;
    private ushort highestSequence;

    public readonly uint RolloverCounter => rolloverCounter;

    /// <summary>The most likely index of a packet with this sequence number; false if it would precede index 0.</summary>
    public readonly bool Estimate(ushort sequence, out ulong index)
    {
        if (!started)
        {
            index = sequence;
            return true;
        }

        long guessedRoc = rolloverCounter;
        if (highestSequence < HalfRange)
        {
            if (sequence - highestSequence > HalfRange)
            {
                guessedRoc--;
            }
        }
        else if (highestSequence - HalfRange > sequence)
        {
            guessedRoc++;
        }

        index = guessedRoc < 0 ? 0 : ((ulong)guessedRoc << 16) | sequence;
        return guessedRoc >= 0 && guessedRoc <= uint.MaxValue;
    }

    /// <summary>Records an authenticated packet's index; only a newer index advances the state.</summary>
    public void Commit(ulong index)
    {
        var roc = (uint)(index >> 16);
        var sequence = (ushort)index;
        if (!started || roc > rolloverCounter || (roc == rolloverCounter && sequence > highestSequence))
        {
            started = true;
            rolloverCounter = roc;
            highestSequence = sequence;
        }
    }
}
