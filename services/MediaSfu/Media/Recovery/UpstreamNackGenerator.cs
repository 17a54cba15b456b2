namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>
/// The packets of one published stream that did not reach us: a jump in sequence numbers registers the skipped ones,
/// each is NACKed to the publisher at once and again every retry interval up to a number of attempts, and forgotten when
/// it arrives, falls out of the window (the retransmission buffer's reach) or is older than the age limit. A subscriber
/// still asking for one whose attempts are spent earns it another (at most one per retry interval), and one a
/// subscriber asked for that is forgotten unrepaired counts as <see cref="LostForSubscribers"/>. The retry
/// interval is twice the measured repair round trip (NACK sent → packet arrived), at least 10 ms and at most the
/// configured interval, which also serves until a repair was measured. Bounded:
/// a jump larger than the window is a restart of the stream, not loss. Not thread-safe; allocates nothing per packet.
/// </summary>
public sealed class UpstreamNackGenerator
{
    /// <summary>The most packets followed at once; with more missing, the newest gaps wait for room.</summary>
    public const int MaxMissing = 256;

    private readonly long[] missing = new long[MaxMissing];
    private readonly long[] missedAt = new long[MaxMissing];
    private readonly long[] dueAt = new long[MaxMissing];
    private readonly long[] sentAt = new long[MaxMissing];
    private readonly int[] attempts = new int[MaxMissing];
    private readonly bool[] wanted = new bool[MaxMissing];
    private readonly int window;
    private readonly long retryInterval;
    private readonly long shortestRetry;
    private readonly long maxAge;
    private readonly int maxAttempts;
    private int count;
    private long highest = -1;
    private long repairRoundTrip;

    public UpstreamNackGenerator(LossRecoverySettings settings, long timestampFrequency)
    {
        window = settings.BufferPackets;
        retryInterval = (long)(settings.RetryInterval.TotalSeconds * timestampFrequency);
        shortestRetry = Math.Min(retryInterval, timestampFrequency / 100);
        maxAge = (long)(settings.BufferAge.TotalSeconds * timestampFrequency);
        maxAttempts = settings.UpstreamAttempts;
    }

    /// <summary>How many packets are followed now.</summary>
    public int MissingCount => count;

    /// <summary>The current wait before a packet is NACKed again, in timestamp units.</summary>
    public long RetryInterval => repairRoundTrip == 0 ? retryInterval : Math.Clamp(2 * repairRoundTrip, shortestRetry, retryInterval);

    /// <summary>Packets given up on: NACKed every attempt and never arrived.</summary>
    public long GaveUp { get; private set; }

    /// <summary>Packets given up on that a subscriber had asked for: it cannot decode on without a key frame.</summary>
    public long LostForSubscribers { get; private set; }

    /// <summary>Notes the arrival of extended sequence number <paramref name="sequence"/>; true when it filled a hole we followed.</summary>
    public bool Received(long sequence, long now)
    {
        if (highest < 0 || sequence - highest > window)
        {
            highest = Math.Max(highest, sequence);
            return false;
        }

        for (var skipped = highest + 1; skipped < sequence; skipped++)
        {
            Follow(skipped, now, attemptsMade: 0, askedFor: false);
        }

        highest = Math.Max(highest, sequence);
        var index = IndexOf(sequence);
        if (index < 0)
        {
            return false;
        }

        if (attempts[index] > 0)
        {
            var sample = Math.Max(0, now - sentAt[index]);
            repairRoundTrip = repairRoundTrip == 0 ? sample : ((7 * repairRoundTrip) + sample) / 8;
        }

        RemoveAt(index);
        return true;
    }

    /// <summary>
    /// A subscriber asked for a packet we do not have: NACK it upstream with the next packet, unless it is out of reach
    /// or already followed with a NACK sent less than a retry interval ago; true when one will go.
    /// </summary>
    public bool Request(long sequence, long now)
    {
        if (sequence >= highest || sequence <= highest - window)
        {
            return false;
        }

        var index = IndexOf(sequence);
        if (index < 0)
        {
            return Follow(sequence, now, attemptsMade: Math.Max(0, maxAttempts - 1), askedFor: true);
        }

        wanted[index] = true;
        if (attempts[index] < maxAttempts || now < dueAt[index])
        {
            return false;
        }

        attempts[index] = maxAttempts - 1;
        return true;
    }

    /// <summary>
    /// Writes the sequence numbers to NACK now (ascending, 16-bit) into <paramref name="due"/>, counting an attempt for
    /// each, and forgets those out of reach; returns how many.
    /// </summary>
    public int TakeDue(long now, Span<ushort> due)
    {
        var taken = 0;
        for (var i = 0; i < count;)
        {
            if (missing[i] <= highest - window || now - missedAt[i] > maxAge)
            {
                GaveUp++;
                LostForSubscribers += wanted[i] ? 1 : 0;
                RemoveAt(i);
                continue;
            }

            if (attempts[i] < maxAttempts && now >= dueAt[i] && taken < due.Length)
            {
                due[taken++] = (ushort)missing[i];
                attempts[i]++;
                sentAt[i] = now;
                dueAt[i] = now + RetryInterval;
            }

            i++;
        }

        return taken;
    }

    private bool Follow(long sequence, long now, int attemptsMade, bool askedFor)
    {
        if (count == MaxMissing)
        {
            return false;
        }

        // Kept in ascending order (new gaps come at the end; a requested older one is inserted), as a NACK lists them.
        var at = count;
        while (at > 0 && missing[at - 1] > sequence)
        {
            at--;
        }

        Shift(at, count, 1);
        missing[at] = sequence;
        missedAt[at] = now;
        dueAt[at] = now;
        sentAt[at] = now;
        attempts[at] = attemptsMade;
        wanted[at] = askedFor;
        count++;
        return true;
    }

    private int IndexOf(long sequence) => Array.IndexOf(missing, sequence, 0, count);

    private void RemoveAt(int index)
    {
        Shift(index + 1, count, -1);
        count--;
    }

    /// <summary>Moves entries [from, to) by <paramref name="by"/> places in every column.</summary>
    private void Shift(int from, int to, int by)
    {
        var length = to - from;
        Array.Copy(missing, from, missing, from + by, length);
        Array.Copy(missedAt, from, missedAt, from + by, length);
        Array.Copy(dueAt, from, dueAt, from + by, length);
        Array.Copy(sentAt, from, sentAt, from + by, length);
        Array.Copy(attempts, from, attempts, from + by, length);
        Array.Copy(wanted, from, wanted, from + by, length);
    }
}
