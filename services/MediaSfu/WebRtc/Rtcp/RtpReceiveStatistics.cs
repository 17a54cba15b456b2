namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// Reception statistics of one RTP source, kept as RFC 3550 Appendix A.1 (sequence validation with a large-jump resync),
/// A.3 (expected and lost packets, fraction lost per report interval) and A.8 (interarrival jitter) describe, to fill
/// a report block. Arrival times come in the stream's RTP clock units. Not thread-safe.
/// </summary>
public sealed class RtpReceiveStatistics
{
    private const int MaxDropout = 3000;
    private const int MaxMisorder = 100;
    private const uint SequenceModulo = 1 << 16;

    private readonly uint ssrc;
    private bool started;
    private ushort maxSequence;
    private uint cycles;
    private uint baseSequence;
    private uint badSequence = SequenceModulo + 1;
    private long received;
    private long expectedPrior;
    private long receivedPrior;
    private uint lastTransit;
    private bool hasTransit;
    private long jitterQ4; // jitter * 16, the integer form of A.8

    public RtpReceiveStatistics(uint ssrc) => this.ssrc = ssrc;

    public long PacketsReceived => received;

    public uint ExtendedHighestSequence => cycles + maxSequence;

    public long Expected => started ? ExtendedHighestSequence - baseSequence + 1 : 0;

    /// <summary>Packets expected but not received (negative with duplicates).</summary>
    public long CumulativeLost => Expected - received;

    /// <summary>Interarrival jitter in RTP timestamp units.</summary>
    public uint Jitter => (uint)(jitterQ4 >> 4);

    /// <summary>Counts a packet; false if it was taken as a stray (a large jump not yet confirmed by its successor).</summary>
    public bool Update(ushort sequence, uint rtpTimestamp, long arrivalInClockUnits)
    {
        if (!started)
        {
            Restart(sequence);
        }
        else if (!UpdateSequence(sequence))
        {
            return false;
        }

        received++;
        UpdateJitter(rtpTimestamp, arrivalInClockUnits);
        return true;
    }

    /// <summary>
    /// A report block for this source: fraction lost since the previous call (A.3), cumulative lost, extended highest
    /// sequence, jitter, and the LSR/DLSR the caller tracks from this source's sender reports.
    /// </summary>
    public ReportBlock CreateReportBlock(uint lastSenderReport = 0, uint delaySinceLastSenderReport = 0)
    {
        var expected = Expected;
        var expectedInterval = expected - expectedPrior;
        var receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        var lostInterval = expectedInterval - receivedInterval;
        var fraction = expectedInterval == 0 || lostInterval <= 0 ? 0 : (byte)Math.Min(255, (lostInterval << 8) / expectedInterval);
        return new ReportBlock(
            ssrc,
            (byte)fraction,
            (int)Math.Clamp(CumulativeLost, ReportBlock.MinCumulativeLost, ReportBlock.MaxCumulativeLost),
            ExtendedHighestSequence,
            Jitter,
            lastSenderReport,
            delaySinceLastSenderReport);
    }

    private void Restart(ushort sequence)
    {
        started = true;
        maxSequence = sequence;
        baseSequence = sequence;
        cycles = 0;
        badSequence = SequenceModulo + 1;
        received = 0;
        expectedPrior = 0;
        receivedPrior = 0;
    }

    /// <summary>A.1's update_seq without probation: packets reach us only after SRTP authenticated them.</summary>
    private bool UpdateSequence(ushort sequence)
    {
        var delta = (ushort)(sequence - maxSequence);
        if (delta < MaxDropout)
        {
            if (sequence < maxSequence)
            {
                cycles += SequenceModulo;
            }

            maxSequence = sequence;
        }
        else if (delta <= SequenceModulo - MaxMisorder)
        {
            if (sequence == badSequence)
            {
                Restart(sequence); // two sequential packets after a large jump: the source restarted
            }
            else
            {
                badSequence = (uint)(sequence + 1) & (SequenceModulo - 1);
                return false;
            }
        }

        return true;
    }

    private void UpdateJitter(uint rtpTimestamp, long arrivalInClockUnits)
    {
        // In 32-bit arithmetic so that RTP timestamp wrap-around does not look like a jump.
        var transit = (uint)arrivalInClockUnits - rtpTimestamp;
        if (hasTransit)
        {
            var d = Math.Abs((long)(int)(transit - lastTransit));
            jitterQ4 += d - ((jitterQ4 + 8) >> 4);
        }

        lastTransit = transit;
        hasTransit = true;
    }
}
