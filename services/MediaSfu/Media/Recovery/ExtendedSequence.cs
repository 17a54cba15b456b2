namespace WebRtcChat.MediaSfu.Media.Recovery;

/// <summary>
/// A stream's 16-bit RTP sequence numbers extended with their roll-over count (RFC 3711 §3.3.1's idea), so that 65535
/// is followed by 65536 rather than 0: the nearest extension of each number to the highest one seen so far.
/// </summary>
public sealed class ExtendedSequence
{
    // The first number starts in roll-over 1, so a packet that was sent just before it still extends to a positive value.
    private const long FirstCycle = 1 << 16;

    private long highest = -1;

    /// <summary>The highest extended sequence number seen, or -1 before the first.</summary>
    public long Highest => highest;

    /// <summary>The extended form of <paramref name="sequence"/>, moving <see cref="Highest"/> when it is newer.</summary>
    public long Extend(ushort sequence)
    {
        var extended = Nearest(sequence);
        highest = Math.Max(highest, extended);
        return extended;
    }

    /// <summary>The extended form of <paramref name="sequence"/> without counting it as seen.</summary>
    public long Nearest(ushort sequence) =>
        highest < 0 ? FirstCycle + sequence : highest + (short)(ushort)(sequence - (ushort)highest);
}
