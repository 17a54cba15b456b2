namespace WebRtcChat.ServiceDefaults.EventBus;

/// <summary>
/// UUIDv7 ids that strictly increase within the process (plain v7 ids are random within a millisecond),
/// so ordering the outbox by id keeps events in the order they were added.
/// </summary>
internal static class OutboxMessageIds
{
    private static readonly Lock Gate = new();
    private static Guid last;

    public static Guid Next(DateTimeOffset now)
    {
        var candidate = Guid.CreateVersion7(now);
        lock (Gate)
        {
            last = candidate.CompareTo(last) > 0 ? candidate : Increment(last);
            return last;
        }
    }

    private static Guid Increment(Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        for (var i = bytes.Length - 1; i >= 0 && ++bytes[i] == 0; i--)
        {
        }

        return new Guid(bytes, bigEndian: true);
    }
}
