namespace WebRtcChat.MediaSfu.Media.Congestion;

/// <summary>The rate packets reached a subscriber at over the last <see cref="Window"/> of their arrival times (from its transport-cc feedback).</summary>
internal sealed class AckedRate
{
    public const long Window = 500_000;
    private const int Capacity = 512;
    private const int MinimumPackets = 5;
    private const long MinimumSpan = 100_000;

    private readonly (long Arrival, int Size)[] arrivals = new (long, int)[Capacity];
    private int count;
    private int newest = -1;

    public void Add(long arrivalMicroseconds, int size)
    {
        newest = (newest + 1) % Capacity;
        arrivals[newest] = (arrivalMicroseconds, size);
        count = Math.Min(count + 1, Capacity);
    }

    /// <summary>kbit/s over the window before the latest arrival; null with too few packets or too short a span to tell.</summary>
    public double? Kbps()
    {
        if (count == 0)
        {
            return null;
        }

        var latest = arrivals[newest].Arrival;
        var (earliest, bytes, packets, earliestSize) = (latest, 0L, 0, 0);
        for (var i = 0; i < count; i++)
        {
            var (arrival, size) = arrivals[(newest - i + Capacity) % Capacity];
            if (arrival < latest - Window)
            {
                continue;
            }

            (bytes, packets) = (bytes + size, packets + 1);
            if (arrival <= earliest)
            {
                (earliest, earliestSize) = (arrival, size);
            }
        }

        var span = latest - earliest;
        // The first arrival opens the span; its bytes arrived before it.
        return packets >= MinimumPackets && span >= MinimumSpan ? (bytes - earliestSize) * 8.0 * 1000 / span : null;
    }
}
