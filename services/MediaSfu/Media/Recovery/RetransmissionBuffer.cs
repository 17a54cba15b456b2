namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>What <see cref="RetransmissionBuffer.Store"/> did with a packet.</summary>
public enum StoreOutcome
{
    /// <summary>New: kept (or, when larger than a slot, remembered as seen) and to be forwarded.</summary>
    Stored,

    /// <summary>Already here: forwarded before, not again.</summary>
    Duplicate,

    /// <summary>Older than the buffer reaches back: whether it was forwarded is unknown, so it is not.</summary>
    TooOld,
}

/// <summary>
/// The last packets of one published stream as they arrived (plaintext, the publisher's header), by extended sequence
/// number, for answering NACKs. Slots are preallocated: storing and reading copy bytes and allocate nothing. A packet
/// older than the age limit counts as gone even while its slot still holds it. Not thread-safe.
/// </summary>
public sealed class RetransmissionBuffer
{
    /// <summary>The largest packet kept (an Ethernet MTU); larger ones are forwarded but not kept.</summary>
    public const int SlotSize = 1500;

    private readonly TimeProvider time;
    private readonly long maxAge;
    private readonly byte[] storage;
    private readonly long[] sequences;
    private readonly int[] lengths;
    private readonly long[] storedAt;
    private long newest = -1;

    public RetransmissionBuffer(int capacity, TimeSpan maxAge, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        this.time = time;
        this.maxAge = (long)(maxAge.TotalSeconds * time.TimestampFrequency);
        Capacity = capacity;
        storage = new byte[capacity * SlotSize];
        sequences = new long[capacity];
        lengths = new int[capacity];
        storedAt = new long[capacity];
        Array.Fill(sequences, -1);
    }

    public int Capacity { get; }

    /// <summary>Keeps <paramref name="packet"/> under its extended sequence number, replacing the slot's older packet.</summary>
    public StoreOutcome Store(ReadOnlySpan<byte> packet, long sequence)
    {
        if (newest >= 0 && sequence <= newest - Capacity)
        {
            return StoreOutcome.TooOld;
        }

        var slot = Slot(sequence);
        if (sequences[slot] == sequence)
        {
            return StoreOutcome.Duplicate;
        }

        var fits = packet.Length <= SlotSize;
        if (fits)
        {
            packet.CopyTo(storage.AsSpan(slot * SlotSize, SlotSize));
        }

        sequences[slot] = sequence;
        lengths[slot] = fits ? packet.Length : 0;
        storedAt[slot] = time.GetTimestamp();
        newest = Math.Max(newest, sequence);
        return StoreOutcome.Stored;
    }

    /// <summary>Copies the packet with this extended sequence number into <paramref name="destination"/>; its length, or 0 when not here (any more).</summary>
    public int CopyTo(long sequence, Span<byte> destination)
    {
        var slot = Slot(sequence);
        if (sequence < 0 || sequences[slot] != sequence || lengths[slot] == 0 || time.GetTimestamp() - storedAt[slot] > maxAge)
        {
            return 0;
        }

        storage.AsSpan(slot * SlotSize, lengths[slot]).CopyTo(destination);
        return lengths[slot];
    }

    /// <summary>True when this extended sequence number arrived and its slot has not been reused since.</summary>
    public bool Holds(long sequence) => sequence >= 0 && sequences[Slot(sequence)] == sequence;

    private int Slot(long sequence) => (int)(((sequence % Capacity) + Capacity) % Capacity);
}
