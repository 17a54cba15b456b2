using System.Buffers.Binary;

namespace WebRtcChat.WebRtc.Rtcp;

/// <summary>
/// Generic NACK (RFC 4585 §6.2.1): FCI entries of a packet id (PID) and a bitmask (BLP) of the 16 following sequence
/// numbers, bit i meaning PID + i + 1 was lost too.
/// </summary>
public static class GenericNack
{
    public const int EntryLength = 4;
    public const int MaxPerEntry = 17;

    public static bool Matches(RtcpFeedback feedback) =>
        feedback.Is(RtcpPacketType.TransportFeedback, RtcpPacketType.NackFormat);

    /// <summary>
    /// Writes the lost sequence numbers into <paramref name="destination"/> (room for
    /// <see cref="MaxPerEntry"/> per FCI entry suffices); returns how many, stopping when it is full.
    /// </summary>
    public static int ExpandLost(RtcpFeedback feedback, Span<ushort> destination)
    {
        var count = 0;
        var fci = feedback.Fci;
        for (var offset = 0; offset + EntryLength <= fci.Length; offset += EntryLength)
        {
            var pid = BinaryPrimitives.ReadUInt16BigEndian(fci[offset..]);
            var blp = BinaryPrimitives.ReadUInt16BigEndian(fci[(offset + 2)..]);
            if (count == destination.Length)
            {
                return count;
            }

            destination[count++] = pid;
            for (var bit = 0; bit < 16 && count < destination.Length; bit++)
            {
                if ((blp & (1 << bit)) != 0)
                {
                    destination[count++] = (ushort)(pid + bit + 1);
                }
            }
        }

        return count;
    }

    /// <summary>The FCI length needed for these lost sequence numbers (in ascending order, wrapping allowed).</summary>
    public static int FciLength(ReadOnlySpan<ushort> lost) => CountEntries(lost) * EntryLength;

    /// <summary>Writes a NACK for <paramref name="lost"/> (ascending in sequence order, wrapping allowed); returns its length.</summary>
    public static int Write(Span<byte> destination, uint senderSsrc, uint mediaSsrc, ReadOnlySpan<ushort> lost)
    {
        var length = RtcpFeedback.WriteHeader(
            destination, RtcpPacketType.TransportFeedback, RtcpPacketType.NackFormat, senderSsrc, mediaSsrc, FciLength(lost));
        var offset = RtcpPacket.HeaderLength + RtcpFeedback.FixedLength;
        for (var i = 0; i < lost.Length; offset += EntryLength)
        {
            var (pid, blp) = NextEntry(lost, ref i);
            BinaryPrimitives.WriteUInt16BigEndian(destination[offset..], pid);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(offset + 2)..], blp);
        }

        return length;
    }

    private static int CountEntries(ReadOnlySpan<ushort> lost)
    {
        var entries = 0;
        for (var i = 0; i < lost.Length; entries++)
        {
            NextEntry(lost, ref i);
        }

        return entries;
    }

    /// <summary>Takes lost[i] as the PID and folds the following ones within 16 into its bitmask.</summary>
    private static (ushort Pid, ushort Blp) NextEntry(ReadOnlySpan<ushort> lost, ref int i)
    {
        var pid = lost[i++];
        ushort blp = 0;
        while (i < lost.Length && (ushort)(lost[i] - pid) is >= 1 and <= 16)
        {
            blp |= (ushort)(1 << ((ushort)(lost[i] - pid) - 1));
            i++;
        }

        return (pid, blp);
    }
}
