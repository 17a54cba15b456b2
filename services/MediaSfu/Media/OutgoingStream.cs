namespace WebRtcChat.MediaSfu.Media;

/// <summary>
/// One stream as a subscriber sees it: a stable SSRC whose sequence numbers and timestamps run on without gaps or jumps
/// while the source behind it changes (a simulcast layer switch, or the same layer resumed after a pause). Each change
/// starts a segment with new offsets; the newest segments are remembered so an outgoing sequence number can be mapped
/// back to the source packet (for answering the subscriber's NACKs from the source's retransmission buffer).
/// </summary>
public sealed class OutgoingStream(uint ssrc)
{
    private const int RememberedSegments = 16;

    private readonly Lock gate = new();
    private readonly Segment[] segments = new Segment[RememberedSegments];
    private int segmentCount;
    private int newest = -1;
    private bool started;
    private ushort sequenceDelta;
    private uint timestampDelta;
    private ushort firstSequenceOfSegment;
    private ushort highestSequence;
    private uint highestTimestamp;
    private long highestTimestampArrival;

    /// <summary>The SSRC the subscriber's answer announced for this stream.</summary>
    public uint Ssrc { get; } = ssrc;

    /// <summary>The source SSRC currently forwarded; null before the first packet.</summary>
    public uint? Source
    {
        get
        {
            lock (gate)
            {
                return newest < 0 ? null : segments[newest].Source;
            }
        }
    }

    /// <summary>
    /// The outgoing sequence number and timestamp of a source packet. <paramref name="startsSegment"/> marks the first
    /// packet (a key frame) after a switch or a pause: it continues one after the highest sequence number sent, and its
    /// timestamp advances by the wall-clock time since the last packet (<paramref name="arrivalClock"/> is the arrival
    /// time in the stream's clock units). False for a straggler of the current source older than the segment's start,
    /// which would collide with numbers already sent: it is dropped.
    /// </summary>
    public bool TryRewrite(uint source, ushort sequence, uint timestamp, long arrivalClock, bool startsSegment, out ushort outgoingSequence, out uint outgoingTimestamp)
    {
        lock (gate)
        {
            if (!started || startsSegment || source != segments[newest].Source)
            {
                StartSegment(source, sequence, timestamp, arrivalClock);
            }
            else if (IsOlder(sequence, firstSequenceOfSegment))
            {
                (outgoingSequence, outgoingTimestamp) = (0, 0);
                return false;
            }

            outgoingSequence = unchecked((ushort)(sequence + sequenceDelta));
            outgoingTimestamp = unchecked(timestamp + timestampDelta);
            if (IsOlder(highestSequence, outgoingSequence))
            {
                highestSequence = outgoingSequence;
            }

            if (IsOlder(highestTimestamp, outgoingTimestamp))
            {
                highestTimestamp = outgoingTimestamp;
                highestTimestampArrival = arrivalClock;
            }

            return true;
        }
    }

    /// <summary>The source SSRC and sequence number an outgoing sequence number was made from; false when unknown (never sent, or too old).</summary>
    public bool TryMapBack(ushort outgoingSequence, out uint source, out ushort sourceSequence) =>
        TryMapBack(outgoingSequence, out source, out sourceSequence, out _);

    /// <summary>
    /// The source SSRC and sequence number an outgoing sequence number was made from, and what was added to the source
    /// packet's timestamp when it was sent (so a resent copy carries the timestamp of the original); false when unknown.
    /// </summary>
    public bool TryMapBack(ushort outgoingSequence, out uint source, out ushort sourceSequence, out uint timestampOffset)
    {
        lock (gate)
        {
            if (started && !IsOlder(highestSequence, outgoingSequence))
            {
                for (var i = 0; i < segmentCount; i++)
                {
                    var segment = segments[(newest - i + RememberedSegments) % RememberedSegments];
                    if (!IsOlder(outgoingSequence, segment.FirstOutgoing))
                    {
                        source = segment.Source;
                        sourceSequence = unchecked((ushort)(outgoingSequence - segment.SequenceDelta));
                        timestampOffset = segment.TimestampDelta;
                        return true;
                    }
                }
            }

            (source, sourceSequence, timestampOffset) = (0, 0, 0);
            return false;
        }
    }

    /// <summary>The stream's RTP time at <paramref name="nowClock"/> (for sender reports), extrapolated from the latest packet; null before the first.</summary>
    public uint? RtpTimeAt(long nowClock)
    {
        lock (gate)
        {
            return started ? unchecked(highestTimestamp + (uint)Math.Max(0, nowClock - highestTimestampArrival)) : null;
        }
    }

    private void StartSegment(uint source, ushort sequence, uint timestamp, long arrivalClock)
    {
        if (started)
        {
            sequenceDelta = unchecked((ushort)(highestSequence + 1 - sequence));
            var advance = (uint)Math.Clamp(arrivalClock - highestTimestampArrival, 1, uint.MaxValue / 4);
            timestampDelta = unchecked(highestTimestamp + advance - timestamp);
        }
        else
        {
            // The first source passes through unchanged: a stream that never switches keeps the publisher's numbers.
            (sequenceDelta, timestampDelta, started) = (0, 0, true);
            (highestSequence, highestTimestamp, highestTimestampArrival) = (unchecked((ushort)(sequence - 1)), timestamp, arrivalClock);
        }

        firstSequenceOfSegment = sequence;
        newest = (newest + 1) % RememberedSegments;
        segments[newest] = new Segment(source, unchecked((ushort)(sequence + sequenceDelta)), sequenceDelta, timestampDelta);
        segmentCount = Math.Min(segmentCount + 1, RememberedSegments);
    }

    /// <summary>RFC 1982 serial comparison of 16-bit sequence numbers.</summary>
    private static bool IsOlder(ushort a, ushort b) => a != b && unchecked((short)(ushort)(b - a)) > 0;

    private static bool IsOlder(uint a, uint b) => a != b && unchecked((int)(b - a)) > 0;

    private readonly record struct Segment(uint Source, ushort FirstOutgoing, ushort SequenceDelta, uint TimestampDelta);
}
